using System.Text.Json.Nodes;
using Strata.Engine.Model;
using Strata.Engine.Tests.Support;

namespace Strata.Engine.Tests.Execution;

/// <summary>
/// Custom resources the provider does not run itself: the engine sends CloudFormation's request to the ServiceToken
/// and waits for the handler's response on the signal endpoint.
/// </summary>
public sealed class CustomResourceTests : IDisposable
{
    private const string Template = """
        Resources:
          Lookup:
            Type: Custom::Lookup
            Properties:
              ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:handler
              Key: first
          Queue:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: !GetAtt Lookup.Answer
        Outputs:
          Id:
            Value: !Ref Lookup
          Answer:
            Value: !GetAtt Lookup.Answer
        """;

    private readonly EngineFixture _fixture = new();
    private readonly CustomResourceFunction _function;
    private readonly StackEngine _engine;

    public CustomResourceTests()
    {
        _fixture.Provider.Declined.Add("Custom::Lookup");
        StackEngine? engine = null;
        _function = new CustomResourceFunction(() => engine!);
        engine = _engine = _fixture.NewEngine(_function);
    }

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task UpAsync_HandlerAnswersSuccess_RefIsItsPhysicalIdAndGetAttReadsItsData()
    {
        var result = await _engine.UpAsync(EngineFixture.Up("s", Template), CancellationToken.None);

        Assert.Equal(StackStatus.CreateComplete, result.Stack!.Status);
        Assert.Equal("custom-Lookup", result.Stack.Outputs.Single(o => o.Key == "Id").Value);
        Assert.Equal("42", result.Stack.Outputs.Single(o => o.Key == "Answer").Value);
        Assert.Equal("42", _fixture.Provider.Calls.Single(c => c.LogicalId == "Queue").Desired["QueueName"]!.ToString());
        var request = Assert.Single(_function.Requests);
        Assert.Equal("Create", request["RequestType"]!.ToString());
        Assert.Equal(result.Stack.StackId, request["StackId"]!.ToString());
        Assert.Equal("Custom::Lookup", request["ResourceType"]!.ToString());
        Assert.Equal("first", request["ResourceProperties"]!["Key"]!.ToString());
        Assert.Equal(CustomResourceFunction.Arn, request["ResourceProperties"]!["ServiceToken"]!.ToString());
        Assert.StartsWith("http://127.0.0.1/signal/", request["ResponseURL"]!.ToString());
        Assert.Null(request["PhysicalResourceId"]);
    }

    [Fact]
    public async Task UpAsync_HandlerAnswersFailed_CreateFailsWithItsReasonAndRollsBack()
    {
        _function.Respond = _ => new JsonObject { ["Status"] = "FAILED", ["Reason"] = "key 'first' is unknown" };

        var result = await _engine.UpAsync(EngineFixture.Up("s", Template), CancellationToken.None);

        Assert.Equal(StackStatus.RollbackComplete, result.Stack!.Status);
        Assert.Equal("Lookup", result.RootCause!.LogicalId);
        Assert.Equal("Received response status [FAILED] from custom resource. Message returned: key 'first' is unknown", result.RootCause.Message);
        // The create left nothing (no physical id), so rollback has nothing to send a Delete for.
        Assert.Equal(["Create"], _function.Requests.Select(r => r["RequestType"]!.ToString()));
    }

    [Fact]
    public async Task UpAsync_HandlerNeverAnswers_FailsAfterServiceTimeout()
    {
        _function.Respond = _ => null;
        var template = Template.Replace("Key: first", "Key: first\n      ServiceTimeout: 1");

        var result = await _engine.UpAsync(EngineFixture.Up("s", template), CancellationToken.None);

        Assert.Equal(StackStatus.RollbackComplete, result.Stack!.Status);
        Assert.Equal("NotStabilized", result.RootCause!.ErrorCode);
        Assert.Contains("did not receive a response from your Custom Resource within 1 seconds", result.RootCause.Message);
        Assert.Contains(_function.Requests.Single()["RequestId"]!.ToString(), result.RootCause.Message);
    }

    [Fact]
    public async Task UpAsync_PropertiesChanged_SendsUpdateWithTheOldPropertiesAndThePhysicalId()
    {
        await _engine.UpAsync(EngineFixture.Up("s", Template), CancellationToken.None);

        var result = await _engine.UpAsync(EngineFixture.Up("s", Template.Replace("Key: first", "Key: second")), CancellationToken.None);

        Assert.Equal(StackStatus.UpdateComplete, result.Stack!.Status);
        var update = _function.Requests.Last();
        Assert.Equal("Update", update["RequestType"]!.ToString());
        Assert.Equal("custom-Lookup", update["PhysicalResourceId"]!.ToString());
        Assert.Equal("second", update["ResourceProperties"]!["Key"]!.ToString());
        Assert.Equal("first", update["OldResourceProperties"]!["Key"]!.ToString());
    }

    [Fact]
    public async Task UpAsync_UpdateAnswersANewPhysicalId_OldOneIsSentADelete()
    {
        await _engine.UpAsync(EngineFixture.Up("s", Template), CancellationToken.None);
        _function.Respond = request => new JsonObject
        {
            ["Status"] = "SUCCESS",
            ["PhysicalResourceId"] = $"custom-{request["ResourceProperties"]!["Key"]}",
            ["Data"] = new JsonObject { ["Answer"] = "43" },
        };

        var result = await _engine.UpAsync(EngineFixture.Up("s", Template.Replace("Key: first", "Key: second")), CancellationToken.None);

        Assert.Equal(StackStatus.UpdateComplete, result.Stack!.Status);
        Assert.Equal("custom-second", result.Stack.Outputs.Single(o => o.Key == "Id").Value);
        var cleanup = _function.Requests.Last();
        Assert.Equal("Delete", cleanup["RequestType"]!.ToString());
        Assert.Equal("custom-Lookup", cleanup["PhysicalResourceId"]!.ToString());
        Assert.Equal("first", cleanup["ResourceProperties"]!["Key"]!.ToString());
    }

    [Fact]
    public async Task DownAsync_CustomResource_SendsDeleteWithItsPhysicalId()
    {
        await _engine.UpAsync(EngineFixture.Up("s", Template), CancellationToken.None);

        var result = await _engine.DownAsync("s", CancellationToken.None);

        Assert.Equal(StackStatus.DeleteComplete, result.Stack!.Status);
        var delete = _function.Requests.Last();
        Assert.Equal("Delete", delete["RequestType"]!.ToString());
        Assert.Equal("custom-Lookup", delete["PhysicalResourceId"]!.ToString());
        Assert.Equal("first", delete["ResourceProperties"]!["Key"]!.ToString());
    }

    [Fact]
    public async Task DownAsync_HandlerFailsTheDelete_StackIsDeleteFailedWithTheReason()
    {
        await _engine.UpAsync(EngineFixture.Up("s", Template), CancellationToken.None);
        _function.Respond = _ => new JsonObject { ["Status"] = "FAILED", ["Reason"] = "still in use" };

        var result = await _engine.DownAsync("s", CancellationToken.None);

        Assert.Equal(StackStatus.DeleteFailed, result.Stack!.Status);
        Assert.Contains("still in use", result.RootCause!.Message);
    }

    [Fact]
    public async Task UpAsync_ServiceTokenTheTransportCannotReach_RefusedNamingIt()
    {
        var result = await _engine.UpAsync(EngineFixture.Up("s", Template.Replace("arn:aws:lambda:us-east-1:123456789012:function:handler", "https://example.com/hook")), CancellationToken.None);

        Assert.Equal("InvalidRequest", result.RootCause!.ErrorCode);
        Assert.Equal("ServiceToken https://example.com/hook: not a Lambda function ARN", result.RootCause.Message);
        Assert.Empty(_function.Requests);
    }

    [Fact]
    public async Task UpAsync_NoTransport_CustomResourceFailsSayingSo()
    {
        var engine = _fixture.NewEngine(customResources: null);

        var result = await engine.UpAsync(EngineFixture.Up("s", Template), CancellationToken.None);

        Assert.Equal(StackStatus.RollbackComplete, result.Stack!.Status);
        Assert.Equal($"Custom resources cannot be delivered with the scripted provider (ServiceToken {CustomResourceFunction.Arn})", result.RootCause!.Message);
    }

    [Fact]
    public async Task UpAsync_ResponseTheEndpointRefuses_DeliveryFailsNamingTheProblem()
    {
        // Data must be an object: the endpoint answers 400, which this handler (like cfn-response) reports by throwing.
        _function.Respond = _ => new JsonObject { ["Status"] = "SUCCESS", ["PhysicalResourceId"] = "x", ["Data"] = "flat" };

        var result = await _engine.UpAsync(EngineFixture.Up("s", Template), CancellationToken.None);

        Assert.Equal(StackStatus.RollbackComplete, result.Stack!.Status);
        Assert.Equal("GeneralServiceException", result.RootCause!.ErrorCode);
        Assert.StartsWith($"The Create request could not be sent to {CustomResourceFunction.Arn}: the response was refused: 400", result.RootCause.Message);
        Assert.Contains("Data must be a JSON object", result.RootCause.Message);
    }

    [Fact]
    public async Task UpAsync_KilledWhileWaitingAndTheResponseCameMeanwhile_ResumedRunUsesItWithoutSendingAgain()
    {
        _function.Respond = _ => null;
        using var abort = new CancellationTokenSource();
        var first = _engine.UpAsync(EngineFixture.Up("s", Template), abort.Token);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (_function.Requests.IsEmpty)
        {
            await Task.Delay(10, limit.Token);
        }
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        // The handler answers while no strata process runs (a strata serve stores it).
        var request = _function.Requests.Single();
        var response = new JsonObject
        {
            ["Status"] = "SUCCESS", ["RequestId"] = request["RequestId"]!.DeepClone(), ["PhysicalResourceId"] = "late",
            ["Data"] = new JsonObject { ["Answer"] = "7" },
        };
        var url = new Uri(request["ResponseURL"]!.GetValue<string>());
        Assert.Equal(200, (await _engine.Signals.AcceptAsync("PUT", url.PathAndQuery, response.ToJsonString(), CancellationToken.None)).StatusCode);

        StackEngine? resumedEngine = null;
        var resumedFunction = new CustomResourceFunction(() => resumedEngine!);
        resumedEngine = _fixture.NewEngine(resumedFunction);
        var resumed = await resumedEngine.UpAsync(EngineFixture.Up("s", Template), CancellationToken.None);

        Assert.Equal(StackStatus.CreateComplete, resumed.Stack!.Status);
        Assert.Equal("late", resumed.Stack.Outputs.Single(o => o.Key == "Id").Value);
        Assert.Equal("7", resumed.Stack.Outputs.Single(o => o.Key == "Answer").Value);
        Assert.Empty(resumedFunction.Requests);
    }
}
