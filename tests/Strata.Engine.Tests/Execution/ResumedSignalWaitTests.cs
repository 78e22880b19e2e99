using Strata.Engine.Execution;
using Strata.Engine.Model;
using Strata.Engine.Signals;
using Strata.Engine.State;
using Strata.Engine.Tests.Support;

namespace Strata.Engine.Tests.Execution;

/// <summary>
/// A <c>strata up</c> killed while a resource waits for its <c>CreationPolicy</c> signals: the next <c>up</c> waits on
/// for them (signals stored meanwhile count) instead of taking the resource as created.
/// </summary>
public sealed class ResumedSignalWaitTests
{
    private const string Template = """
        Resources:
          Web:
            Type: AWS::SQS::Queue
            CreationPolicy:
              ResourceSignal:
                Count: 1
                Timeout: PT10M
          After:
            Type: AWS::SQS::Queue
            DependsOn: Web
        """;

    private static EngineFixture Fixture() => new(new EngineOptions
    {
        InitialBackoff = TimeSpan.FromMilliseconds(5),
        InitialPollInterval = TimeSpan.FromMilliseconds(5),
        SignalPollInterval = TimeSpan.FromMilliseconds(20),
    });

    [Fact]
    public async Task UpAsync_KilledWhileWaitingForSignals_ResumedRunCompletesWithTheStoredSignal()
    {
        using var fixture = Fixture();
        var stackId = await KillWhileWaitingAsync(fixture, "s");
        await fixture.Store.AddSignalAsync(SignalUrls.HandleKey(stackId, "Web"),
            new WaitSignal("i-1", "SUCCESS", null, "booted", DateTimeOffset.UtcNow), CancellationToken.None);

        var resumed = await fixture.NewEngine().UpAsync(EngineFixture.Up("s", Template), CancellationToken.None);

        Assert.Equal(StackStatus.CreateComplete, resumed.Stack!.Status);
        var records = await fixture.Store.GetResourcesAsync(stackId, CancellationToken.None);
        Assert.All(records, r => Assert.Equal(ResourceStatus.CreateComplete, r.Status));
        Assert.Equal("""{"i-1":"booted"}""", records.Single(r => r.LogicalId == "Web").Model!.Find("Data")!.GetValue<string>());
        // Created once, by the first run; the second only waited.
        Assert.Single(fixture.Provider.Calls, c => c.LogicalId == "Web" && c.Action == ProviderAction.Create);
    }

    [Fact]
    public async Task UpAsync_FailureSignalWhileNoUpRan_ResumedRunFailsWithItAndRollsBack()
    {
        using var fixture = Fixture();
        var stackId = await KillWhileWaitingAsync(fixture, "s");
        await fixture.Store.AddSignalAsync(SignalUrls.HandleKey(stackId, "Web"),
            new WaitSignal("i-1", "FAILURE", "cfn-init failed", null, DateTimeOffset.UtcNow), CancellationToken.None);

        var resumed = await fixture.NewEngine().UpAsync(EngineFixture.Up("s", Template), CancellationToken.None);

        Assert.Equal(StackStatus.RollbackComplete, resumed.Stack!.Status);
        Assert.Equal("Web", resumed.RootCause!.LogicalId);
        Assert.Contains("cfn-init failed", resumed.RootCause.Message);
        Assert.Empty(fixture.Provider.Existing);
        Assert.DoesNotContain(fixture.Provider.Calls, c => c.LogicalId == "After");
    }

    /// <summary>Runs an up until Web is created and waiting for its signal, then aborts it (as a killed process would stop).</summary>
    private static async Task<string> KillWhileWaitingAsync(EngineFixture fixture, string stackName)
    {
        using var abort = new CancellationTokenSource();
        var first = fixture.Engine.UpAsync(EngineFixture.Up(stackName, Template), abort.Token);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        string stackId;
        while (true)
        {
            if (await fixture.Store.GetStackAsync(stackName, limit.Token) is { } stack &&
                (await fixture.Store.GetResourcesAsync(stack.StackId, limit.Token)).SingleOrDefault(r => r.LogicalId == "Web") is { PhysicalId: not null, Status: ResourceStatus.CreateInProgress } &&
                (await fixture.Store.GetPendingOperationsAsync(stack.StackId, limit.Token)).Count == 0)
            {
                stackId = stack.StackId;
                break;
            }
            await Task.Delay(10, limit.Token);
        }
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        return stackId;
    }
}
