using System.Text.Json;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Protocol;

/// <summary>AWS JSON 1.0 (DynamoDB) and 1.1 (Budgets) over HTTP to moto, checked with the AWS CLI.</summary>
[Collection(MotoCollection.Name)]
public sealed class JsonProtocolTests(MotoServerFixture moto)
{
    // DynamoDB is the JSON 1.0 service moto emulates (Cloud Control, also 1.0, it does not).
    private static readonly ServiceDescriptor DynamoDb =
        new("DynamoDB", "dynamodb", "dynamodb", AwsProtocol.Json10) { JsonTargetPrefix = "DynamoDB_20120810" };

    [Fact]
    public async Task Invoke_Json10CreateTable_TableVisibleToTheAwsCli()
    {
        var client = new JsonProtocolClient(moto.CreateContext(), DynamoDb);
        var table = "strata-" + Guid.NewGuid().ToString("N")[..10];

        using var response = await client.InvokeAsync("CreateTable", w =>
        {
            w.WriteString("TableName", table);
            w.WriteString("BillingMode", "PAY_PER_REQUEST");
            w.WriteStartArray("AttributeDefinitions");
            w.WriteStartObject(); w.WriteString("AttributeName", "id"); w.WriteString("AttributeType", "S"); w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("KeySchema");
            w.WriteStartObject(); w.WriteString("AttributeName", "id"); w.WriteString("KeyType", "HASH"); w.WriteEndObject();
            w.WriteEndArray();
        }, CancellationToken.None);

        Assert.Equal(table, response.RootElement.GetProperty("TableDescription").GetProperty("TableName").GetString());
        var tables = (await moto.Cli.JsonAsync("dynamodb", "list-tables")).RootElement.GetProperty("TableNames")
            .EnumerateArray().Select(t => t.GetString());
        Assert.Contains(table, tables);
    }

    [Fact]
    public async Task Invoke_Json10UnknownTable_ThrowsSanitizedErrorCode()
    {
        var client = new JsonProtocolClient(moto.CreateContext(), DynamoDb);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            client.InvokeAsync("DescribeTable", w => w.WriteString("TableName", "strata-missing"), CancellationToken.None));

        Assert.Equal("ResourceNotFoundException", error.Code);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal("DynamoDB", error.Service);
        Assert.Equal("DescribeTable", error.Operation);
        Assert.False(string.IsNullOrEmpty(error.ErrorMessage));
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task Invoke_Json11CreateAndDescribeBudget_RoundTripsThroughBudgets()
    {
        var client = new JsonProtocolClient(moto.CreateContext(), AwsServices.Budgets);
        var name = "strata-" + Guid.NewGuid().ToString("N")[..10];

        using (await client.InvokeAsync("CreateBudget", w =>
               {
                   w.WriteString("AccountId", "123456789012");
                   w.WriteStartObject("Budget");
                   w.WriteString("BudgetName", name);
                   w.WriteStartObject("BudgetLimit"); w.WriteString("Amount", "250"); w.WriteString("Unit", "USD"); w.WriteEndObject();
                   w.WriteString("TimeUnit", "MONTHLY");
                   w.WriteString("BudgetType", "COST");
                   w.WriteEndObject();
               }, CancellationToken.None))
        {
        }
        using var described = await client.InvokeAsync("DescribeBudget", w =>
        {
            w.WriteString("AccountId", "123456789012");
            w.WriteString("BudgetName", name);
        }, CancellationToken.None);

        var limit = described.RootElement.GetProperty("Budget").GetProperty("BudgetLimit");
        Assert.Equal(250m, decimal.Parse(limit.GetProperty("Amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var cli = await moto.Cli.JsonAsync("budgets", "describe-budgets", "--account-id", "123456789012");
        Assert.Contains(name, cli.RootElement.GetProperty("Budgets").EnumerateArray().Select(b => b.GetProperty("BudgetName").GetString()));
    }

    [Fact]
    public async Task Invoke_Json11ThrottledTwice_RetriesToSuccessWithTheSameTarget()
    {
        await using var proxy = new FaultInjectingProxy(moto.Endpoint);
        proxy.Inject(Fault.Throttling, 2);
        var time = new BackoffRecordingTimeProvider();
        var client = new JsonProtocolClient(
            moto.CreateContext(env => env["AWS_ENDPOINT_URL_BUDGETS"] = proxy.Url.ToString(), new AwsContextOptions { Time = time }),
            AwsServices.Budgets);

        using var response = await client.InvokeAsync("DescribeBudgets", w => w.WriteString("AccountId", "123456789012"), CancellationToken.None);

        Assert.Equal(JsonValueKind.Object, response.RootElement.ValueKind);
        Assert.Equal(3, proxy.Requests.Count);
        Assert.All(proxy.Requests, r => Assert.Equal("AWSBudgetServiceGateway.DescribeBudgets", r.Header("X-Amz-Target")));
        Assert.All(proxy.Requests, r => Assert.Equal("application/x-amz-json-1.1", r.Header("Content-Type")));
        Assert.Equal(2, time.Backoffs.Count);
    }
}
