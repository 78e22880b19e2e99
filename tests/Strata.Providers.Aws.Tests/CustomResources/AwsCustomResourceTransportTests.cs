using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Providers.Aws.CustomResources;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Tests.Infrastructure;
using Strata.Testing;

namespace Strata.Providers.Aws.Tests.CustomResources;

/// <summary>
/// Delivering custom resource requests: to an SNS topic through moto_server, which posts the notification to a real
/// HTTP subscriber; to a Lambda function on a loopback endpoint (moto runs functions only in Docker, which this
/// machine has not), checking the invocation exactly as Lambda would receive it.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class AwsCustomResourceTransportTests(MotoServerFixture moto)
{
    private static JsonObject Request(string requestType) => new()
    {
        ["RequestType"] = requestType,
        ["RequestId"] = Guid.NewGuid().ToString("N"),
        ["ResponseURL"] = "http://127.0.0.1:1/signal/x?Expires=1&Signature=s",
        ["ResourceProperties"] = new JsonObject { ["Key"] = "größe" },
    };

    [Fact]
    public async Task DeliverAsync_SnsTopic_SubscriberReceivesTheRequestAsTheMessage()
    {
        var notifications = new List<string>();
        await using var subscriber = new LoopbackHttpServer((request, _) =>
        {
            lock (notifications)
            {
                notifications.Add(request.BodyText);
            }
            return Task.FromResult<byte[]?>(LoopbackHttpServer.Response(200, "OK", "text/plain", "ok"));
        });
        var topic = await moto.Cli.JsonAsync("sns", "create-topic", "--name", "handler-" + Guid.NewGuid().ToString("N")[..8]);
        var topicArn = topic.RootElement.GetProperty("TopicArn").GetString()!;
        var (exitCode, _, stderr) = await moto.Cli.RunAsync("sns", "subscribe", "--topic-arn", topicArn, "--protocol", "http", "--notification-endpoint", subscriber.Url.ToString());
        Assert.True(exitCode == 0, stderr);
        var request = Request("Create");

        await new AwsCustomResourceTransport(moto.CreateContext()).DeliverAsync(topicArn, request, CancellationToken.None);

        var notification = JsonDocument.Parse(Assert.Single(notifications)).RootElement;
        Assert.Equal("Notification", notification.GetProperty("Type").GetString());
        Assert.Equal(topicArn, notification.GetProperty("TopicArn").GetString());
        var message = JsonNode.Parse(notification.GetProperty("Message").GetString()!)!.AsObject();
        Assert.True(JsonNode.DeepEquals(request, message), message.ToJsonString());
    }

    [Fact]
    public async Task DeliverAsync_TopicThatDoesNotExist_ThrowsNamingTheError()
    {
        var transport = new AwsCustomResourceTransport(moto.CreateContext());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            transport.DeliverAsync("arn:aws:sns:us-east-1:123456789012:no-such-topic", Request("Create"), CancellationToken.None));

        Assert.Equal("NotFound", error.Code);
    }

    [Fact]
    public async Task DeliverAsync_LambdaFunction_InvokesAsynchronouslyWithTheRequestAsTheEvent()
    {
        await using var lambda = new LoopbackHttpServer((_, _) =>
            Task.FromResult<byte[]?>(LoopbackHttpServer.Response(202, "Accepted", "application/json", "")));
        var context = moto.CreateContext(variables => variables["AWS_ENDPOINT_URL_LAMBDA"] = lambda.Url.ToString());
        const string function = "arn:aws:lambda:eu-west-1:123456789012:function:handler:live";
        var request = Request("Delete");

        await new AwsCustomResourceTransport(context).DeliverAsync(function, request, CancellationToken.None);

        var invocation = Assert.Single(lambda.Requests);
        Assert.Equal("POST", invocation.Method);
        Assert.Equal("/2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Ahandler%3Alive/invocations", invocation.Target);
        Assert.Equal("Event", invocation.Header("X-Amz-Invocation-Type"));
        // Signed for Lambda in the function's region, not the configured one.
        Assert.Contains("/eu-west-1/lambda/aws4_request", invocation.Header("Authorization"));
        Assert.True(JsonNode.DeepEquals(request, JsonNode.Parse(invocation.BodyText)));
    }

    [Fact]
    public async Task DeliverAsync_LambdaAnswersFunctionNotFound_ThrowsWithLambdasCodeAndMessage()
    {
        await using var lambda = new LoopbackHttpServer((_, _) => Task.FromResult<byte[]?>(LoopbackHttpServer.Response(
            404, "Not Found", "application/json", """{"Type":"User","message":"Function not found: arn:aws:lambda:us-east-1:123456789012:function:gone"}""",
            ("x-amzn-ErrorType", "ResourceNotFoundException"))));
        var context = moto.CreateContext(variables => variables["AWS_ENDPOINT_URL_LAMBDA"] = lambda.Url.ToString());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new AwsCustomResourceTransport(context)
            .DeliverAsync("arn:aws:lambda:us-east-1:123456789012:function:gone", Request("Create"), CancellationToken.None));

        Assert.Equal("ResourceNotFoundException", error.Code);
        Assert.Contains("Function not found", error.Message);
    }

    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:handler", null)]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:handler:3", null)]
    [InlineData("arn:aws:sns:eu-west-1:123456789012:topic", null)]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:queue", "not the ARN of a Lambda function")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:layer:x", "not the ARN of a Lambda function")]
    [InlineData("https://example.com/hook", "not the ARN of a Lambda function")]
    public void Refuse_ServiceTokens_AcceptsFunctionAndTopicArnsOnly(string token, string? refusal)
    {
        var answer = new AwsCustomResourceTransport(moto.CreateContext()).Refuse(token);

        if (refusal is null)
        {
            Assert.Null(answer);
        }
        else
        {
            Assert.StartsWith(refusal, answer);
        }
    }
}
