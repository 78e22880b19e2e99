using System.Net;
using Strata.Engine.Model;
using Strata.Server.Tests.Support;

namespace Strata.Server.Tests;

/// <summary>
/// A template's WaitCondition deployed by the engine, signalled through <c>strata serve</c>: the engine and the server
/// each have their own state store on the same data directory, as two processes would.
/// </summary>
public sealed class WaitConditionThroughServerTests
{
    [Fact]
    public async Task UpAsync_WaitConditionSignalledThroughServer_CompletesWithTheSignalData()
    {
        await using var server = await ServerHost.StartAsync();
        using var world = new EngineWorld(server.Directory, server.BaseUrl);
        var up = world.Engine.UpAsync(EngineWorld.Up("signalled", EngineWorld.WaitTemplate(timeoutSeconds: 600)), CancellationToken.None);
        var handleUrl = await world.PhysicalIdAsync("signalled", "Handle");

        using var response = await CfnSignal.PutAsync(server.Http, handleUrl, CfnSignal.Body("SUCCESS", "web-1", "booted", "ready"));
        var result = await up;

        Assert.StartsWith(server.BaseUrl + "signal/", handleUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StackStatus.CreateComplete, result.Stack!.Status);
        Assert.Equal("""{"web-1":"ready"}""", result.Stack.Outputs.Single(o => o.Key == "Data").Value);
        Assert.Contains(await world.EventsAsync("signalled"), e => e.LogicalId == "AfterReady" && e.Status == "CREATE_COMPLETE");
    }

    [Fact]
    public async Task UpAsync_FailureSignalThroughServer_RollsBackNamingTheReason()
    {
        await using var server = await ServerHost.StartAsync();
        using var world = new EngineWorld(server.Directory, server.BaseUrl);
        var up = world.Engine.UpAsync(EngineWorld.Up("refused", EngineWorld.WaitTemplate(timeoutSeconds: 600)), CancellationToken.None);
        var handleUrl = await world.PhysicalIdAsync("refused", "Handle");

        using var response = await CfnSignal.PutAsync(server.Http, handleUrl, CfnSignal.Body("FAILURE", "web-1", "disk full"));
        var result = await up;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StackStatus.RollbackComplete, result.Stack!.Status);
        Assert.Equal("Ready", result.RootCause!.LogicalId);
        Assert.Equal("WaitCondition received failed message: 'disk full' for uniqueId: web-1", result.RootCause.Message);
    }
}
