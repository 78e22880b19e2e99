using System.Text.Json.Nodes;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.ServiceQuotas;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Services;

/// <summary>
/// Service Quotas against moto for what it implements (GetServiceQuota and ListAWSDefaultServiceQuotas, for the
/// "vpc" service only), checked with the AWS CLI.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ServiceQuotasAgainstMotoTests(MotoServerFixture moto)
{
    private readonly ServiceQuotasClient _quotas = new(moto.CreateContext());

    [Fact]
    public async Task GetServiceQuota_VpcQuota_MatchesTheAwsCli()
    {
        var quota = await _quotas.GetServiceQuotaAsync("vpc", "L-7E9ECCDB");

        var cli = (await moto.Cli.JsonAsync("service-quotas", "get-service-quota", "--service-code", "vpc", "--quota-code", "L-7E9ECCDB"))
            .RootElement.GetProperty("Quota");
        Assert.Equal("vpc", quota.ServiceCode);
        Assert.Equal("L-7E9ECCDB", quota.QuotaCode);
        Assert.Equal(cli.GetProperty("QuotaName").GetString(), quota.QuotaName);
        Assert.Equal(cli.GetProperty("Value").GetDouble(), quota.Value);
        Assert.Equal(cli.GetProperty("Adjustable").GetBoolean(), quota.Adjustable);
        Assert.Equal(cli.GetProperty("QuotaArn").GetString(), quota.QuotaArn);
    }

    [Fact]
    public async Task ListAllAwsDefaultServiceQuotas_Vpc_ReturnsEveryQuotaTheAwsCliLists()
    {
        var quotas = new List<ServiceQuota>();
        await foreach (var quota in _quotas.ListAllAwsDefaultServiceQuotasAsync(new ListServiceQuotasRequest("vpc"))) quotas.Add(quota);

        var cli = (await moto.Cli.JsonAsync("service-quotas", "list-aws-default-service-quotas", "--service-code", "vpc"))
            .RootElement.GetProperty("Quotas").EnumerateArray().Select(q => q.GetProperty("QuotaCode").GetString()).ToList();
        Assert.NotEmpty(quotas);
        Assert.Equal(cli, quotas.Select(q => q.QuotaCode));
        Assert.All(quotas, q => Assert.NotNull(q.Value));
    }

    [Fact]
    public async Task GetServiceQuota_ServiceMotoDoesNotKnow_ThrowsNoSuchResource()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _quotas.GetServiceQuotaAsync("ec2", "L-1216C47A"));

        Assert.Equal("NoSuchResourceException", error.Code);
        Assert.Equal("Service Quotas", error.Service);
    }
}

/// <summary>
/// ListServiceQuotas (moto answers it with an internal error) and a quota with a usage metric, against the AWS CLI
/// reference's documented examples (awscli/examples/service-quotas/list-service-quotas.rst and get-service-quota.rst).
/// </summary>
public sealed class ServiceQuotasRecordedTests
{
    private const string JsonType = "application/x-amz-json-1.1";

    // The documented cloudformation quotas, split over two pages with a NextToken.
    private const string FirstPage = """
        {"Quotas":[{"ServiceCode":"cloudformation","ServiceName":"AWS CloudFormation","QuotaArn":"arn:aws:servicequotas:us-east-2:123456789012:cloudformation/L-87D14FB7",
          "QuotaCode":"L-87D14FB7","QuotaName":"Output count in CloudFormation template","Value":60.0,"Unit":"None","Adjustable":false,"GlobalQuota":false}],
         "NextToken":"page-2-token"}
        """;

    private const string SecondPage = """
        {"Quotas":[{"ServiceCode":"cloudformation","ServiceName":"AWS CloudFormation","QuotaArn":"arn:aws:servicequotas:us-east-2:123456789012:cloudformation/L-0485CB21",
          "QuotaCode":"L-0485CB21","QuotaName":"Stack count","Value":200.0,"Unit":"None","Adjustable":true,"GlobalQuota":false}]}
        """;

    [Fact]
    public async Task ListAllServiceQuotas_TwoPages_SendsTargetAndFollowsNextToken()
    {
        await using var aws = new RecordedAwsEndpoint().Respond(FirstPage, contentType: JsonType).Respond(SecondPage, contentType: JsonType);
        var client = new ServiceQuotasClient(aws.Context("us-east-2"));

        var quotas = new List<ServiceQuota>();
        await foreach (var quota in client.ListAllServiceQuotasAsync(new ListServiceQuotasRequest("cloudformation"))) quotas.Add(quota);

        Assert.Equal(["Output count in CloudFormation template", "Stack count"], quotas.Select(q => q.QuotaName));
        Assert.Equal([60.0, 200.0], quotas.Select(q => q.Value!.Value));
        Assert.True(quotas[1].Adjustable);
        Assert.All(aws.Requests, r => Assert.Equal("ServiceQuotasV20190624.ListServiceQuotas", r.Header("X-Amz-Target")));
        Assert.All(aws.Requests, r => Assert.Equal(JsonType, r.Header("Content-Type")));
        Assert.Contains("/us-east-2/servicequotas/aws4_request", aws.Requests[0].Header("Authorization"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"ServiceCode":"cloudformation"}"""), JsonNode.Parse(aws.Requests[0].BodyText)));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"ServiceCode":"cloudformation","NextToken":"page-2-token"}"""),
            JsonNode.Parse(aws.Requests[1].BodyText)));
    }

    [Fact]
    public async Task GetServiceQuota_DocumentedEc2Example_ReadsValueAndUsageMetric()
    {
        await using var aws = new RecordedAwsEndpoint().Respond("""
            {"Quota":{"ServiceCode":"ec2","ServiceName":"Amazon Elastic Compute Cloud (Amazon EC2)",
              "QuotaArn":"arn:aws:servicequotas:us-east-2:123456789012:ec2/L-1216C47A","QuotaCode":"L-1216C47A",
              "QuotaName":"Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances","Value":1920.0,"Unit":"None","Adjustable":true,"GlobalQuota":false,
              "UsageMetric":{"MetricNamespace":"AWS/Usage","MetricName":"ResourceCount",
                "MetricDimensions":{"Class":"Standard/OnDemand","Resource":"vCPU","Service":"EC2","Type":"Resource"},"MetricStatisticRecommendation":"Maximum"}}}
            """, contentType: JsonType);

        var quota = await new ServiceQuotasClient(aws.Context("us-east-2")).GetServiceQuotaAsync("ec2", "L-1216C47A");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"ServiceCode":"ec2","QuotaCode":"L-1216C47A"}"""), JsonNode.Parse(Assert.Single(aws.Requests).BodyText)));
        Assert.Equal("ServiceQuotasV20190624.GetServiceQuota", aws.Requests[0].Header("X-Amz-Target"));
        Assert.Equal(1920.0, quota.Value);
        Assert.Equal("AWS/Usage", quota.UsageMetric!.MetricNamespace);
        Assert.Equal("vCPU", quota.UsageMetric.MetricDimensions["Resource"]);
        Assert.Equal("Maximum", quota.UsageMetric.MetricStatisticRecommendation);
    }
}
