using System.Net;
using Strata.Engine.Model;
using Strata.Engine.Signals;
using Strata.Engine.State;
using Strata.Server.Tests.Support;

namespace Strata.Server.Tests;

/// <summary>The signal endpoint over real HTTP: cfn-signal's PUT to a handle URL that <c>strata up</c> minted.</summary>
public sealed class SignalEndpointTests : IAsyncLifetime
{
    private const string HandleOnly = """
        Resources:
          Handle:
            Type: AWS::CloudFormation::WaitConditionHandle
        """;

    private ServerHost _server = null!;
    private EngineWorld _world = null!;
    private StackRecord _stack = null!;
    private string _handleUrl = "";

    /// <summary>A stack with a wait-condition handle, deployed by an engine whose URLs point at the server.</summary>
    public async Task InitializeAsync()
    {
        _server = await ServerHost.StartAsync();
        _world = new EngineWorld(_server.Directory, _server.BaseUrl);
        var up = await _world.Engine.UpAsync(EngineWorld.Up("handles", HandleOnly), CancellationToken.None);
        Assert.Equal(StackStatus.CreateComplete, up.Stack!.Status);
        _stack = up.Stack;
        _handleUrl = await _world.PhysicalIdAsync("handles", "Handle");
    }

    public async Task DisposeAsync()
    {
        _world.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task PutSignal_WellFormedCfnSignal_IsAcceptedAndStored()
    {
        using var response = await CfnSignal.PutAsync(_server.Http, _handleUrl, CfnSignal.Body("SUCCESS", "i-0abc", "Configuration complete", "ready"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await CfnSignal.JsonAsync(response);
        Assert.Equal("handles", receipt.GetProperty("stack").GetString());
        Assert.Equal("Handle", receipt.GetProperty("logicalId").GetString());
        Assert.Equal("i-0abc", receipt.GetProperty("uniqueId").GetString());
        // What another process (strata up) reads: its own store on the same data directory.
        using var elsewhere = StateStore.Open(_server.Directory);
        var stored = Assert.Single(await elsewhere.GetSignalsAsync(SignalUrls.HandleKey(_stack.StackId, "Handle"), CancellationToken.None));
        Assert.Equal(("i-0abc", "SUCCESS", "Configuration complete", "ready"), (stored.UniqueId, stored.Status, stored.Reason, stored.Data));
        Assert.Equal("i-0abc", Assert.Single(_server.Notices).UniqueId);
    }

    [Fact]
    public async Task PutSignal_CustomResourceResponseAsCfnResponseSendsIt_IsStoredWholeUnderItsRequestId()
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            Status = "SUCCESS", Reason = "See the details in CloudWatch Log Stream: x", PhysicalResourceId = "lookup-1",
            StackId = _stack.StackId, RequestId = "5c8c9e5e-req", LogicalResourceId = "Handle", NoEcho = false,
            Data = new { Answer = "42" },
        });

        using var response = await CfnSignal.PutAsync(_server.Http, _handleUrl, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(await _world.Store.GetSignalsAsync(SignalUrls.HandleKey(_stack.StackId, "Handle"), CancellationToken.None));
        Assert.Equal(("5c8c9e5e-req", "SUCCESS", body), (stored.UniqueId, stored.Status, stored.Data));
    }

    [Fact]
    public async Task PutSignal_CustomResourceResponseWithAWaitConditionStatus_Returns400NamingStatus()
    {
        using var response = await CfnSignal.PutAsync(_server.Http, _handleUrl, """{"Status":"FAILURE","RequestId":"r-1","PhysicalResourceId":"p"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("SUCCESS or FAILED", (await CfnSignal.JsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PutSignal_SameUniqueIdTwice_KeepsTheLaterSignal()
    {
        using var first = await CfnSignal.PutAsync(_server.Http, _handleUrl, CfnSignal.Body("FAILURE", "i-0abc", "still booting"));
        using var second = await CfnSignal.PutAsync(_server.Http, _handleUrl, CfnSignal.Body("SUCCESS", "i-0abc", "booted"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var stored = Assert.Single(await _world.Store.GetSignalsAsync(SignalUrls.HandleKey(_stack.StackId, "Handle"), CancellationToken.None));
        Assert.Equal("SUCCESS", stored.Status);
    }

    [Fact]
    public async Task PutSignal_TamperedSignature_Returns403Problem()
    {
        var forged = _handleUrl.Replace("Signature=", "Signature=x", StringComparison.Ordinal);

        using var response = await CfnSignal.PutAsync(_server.Http, forged, CfnSignal.Body("SUCCESS", "intruder"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await CfnSignal.JsonAsync(response);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Contains("signature does not match", problem.GetProperty("detail").GetString());
        Assert.Empty(await _world.Store.GetSignalsAsync(SignalUrls.HandleKey(_stack.StackId, "Handle"), CancellationToken.None));
    }

    [Fact]
    public async Task PutSignal_UrlSignedWithAnotherKey_Returns403()
    {
        var foreign = new SignalUrls(new byte[32]).Create(_server.BaseUrl, SignalUrls.HandleKey(_stack.StackId, "Handle"), DateTimeOffset.UtcNow);

        using var response = await CfnSignal.PutAsync(_server.Http, foreign, CfnSignal.Body("SUCCESS", "i-1"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PutSignal_ExpiredUrl_Returns403NamingTheExpiry()
    {
        var keys = SignalUrls.ForDataDirectory(_server.Directory);
        var stale = keys.Create(_server.BaseUrl, SignalUrls.HandleKey(_stack.StackId, "Handle"), DateTimeOffset.UtcNow - SignalUrls.Validity - TimeSpan.FromHours(1));

        using var response = await CfnSignal.PutAsync(_server.Http, stale, CfnSignal.Body("SUCCESS", "i-1"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("expired", (await CfnSignal.JsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PutSignal_UnknownStack_Returns404()
    {
        var keys = SignalUrls.ForDataDirectory(_server.Directory);
        var ghost = keys.Create(_server.BaseUrl, SignalUrls.HandleKey("arn:aws:cloudformation:us-east-1:123456789012:stack/ghost/00000000-0000-0000-0000-000000000000", "Handle"), DateTimeOffset.UtcNow);

        using var response = await CfnSignal.PutAsync(_server.Http, ghost, CfnSignal.Body("SUCCESS", "i-1"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ghost", (await CfnSignal.JsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PutSignal_UnknownResourceOfAKnownStack_Returns404NamingIt()
    {
        var keys = SignalUrls.ForDataDirectory(_server.Directory);
        var url = keys.Create(_server.BaseUrl, SignalUrls.HandleKey(_stack.StackId, "Elsewhere"), DateTimeOffset.UtcNow);

        using var response = await CfnSignal.PutAsync(_server.Http, url, CfnSignal.Body("SUCCESS", "i-1"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Stack handles has no resource Elsewhere", (await CfnSignal.JsonAsync(response)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{"UniqueId":"i-1"}""", "Status", "Status is required")]
    [InlineData("""{"Status":"MAYBE","UniqueId":"i-1"}""", "Status", "'MAYBE' is not SUCCESS or FAILURE")]
    [InlineData("""{"status":"SUCCESS","UniqueId":"i-1"}""", "Status", "case-sensitive")]
    [InlineData("""{"Status":"SUCCESS"}""", "UniqueId", "UniqueId is required")]
    [InlineData("""{"Status":"SUCCESS","UniqueId":""}""", "UniqueId", "UniqueId is required")]
    [InlineData("""{"Status":"SUCCESS","UniqueId":{"id":1}}""", "UniqueId", "UniqueId is required")]
    public async Task PutSignal_MalformedField_Returns400NamingTheField(string body, string field, string message)
    {
        using var response = await CfnSignal.PutAsync(_server.Http, _handleUrl, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await CfnSignal.JsonAsync(response);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(message, problem.GetProperty("detail").GetString());
        Assert.Empty(await _world.Store.GetSignalsAsync(SignalUrls.HandleKey(_stack.StackId, "Handle"), CancellationToken.None));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Status=SUCCESS", "not valid JSON")]
    [InlineData("""["SUCCESS"]""", "must be a JSON object")]
    public async Task PutSignal_BodyNotAJsonObject_Returns400SayingWhy(string body, string message)
    {
        using var response = await CfnSignal.PutAsync(_server.Http, _handleUrl, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await CfnSignal.JsonAsync(response);
        Assert.Contains(message, problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("field", out _));
    }

    [Fact]
    public async Task PutSignal_BodyLargerThanASignal_Returns413()
    {
        using var response = await CfnSignal.PutAsync(_server.Http, _handleUrl, CfnSignal.Body("SUCCESS", "i-1", data: new string('x', SignalBody.MaxLength)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task GetSignal_WrongMethod_Returns405Problem()
    {
        using var response = await _server.Http.GetAsync(_handleUrl);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
