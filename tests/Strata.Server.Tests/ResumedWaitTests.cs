using System.Net;
using Strata.Engine.Model;
using Strata.Server.Tests.Support;

namespace Strata.Server.Tests;

/// <summary>
/// A <c>strata up</c> that dies during a wait condition's wait, and the next one that resumes it: the Timeout counts
/// from when the wait first started, and a signal the server stored in between settles the resumed wait at once.
/// Time is a <see cref="ManualClock"/> shared by the engines and the server.
/// </summary>
public sealed class ResumedWaitTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Only engine-native resources: nothing but the wait runs on the manual clock.</summary>
    private static readonly string WaitOnly = EngineWorld.WaitTemplate(timeoutSeconds: 60, dependentQueue: false);

    [Fact]
    public async Task UpAsync_ResumedAfterInterruptedWait_TimesOutAtTheFirstRunsDeadline()
    {
        var clock = new ManualClock(Start);
        await using var server = await ServerHost.StartAsync(clock);
        using var world = new EngineWorld(server.Directory, server.BaseUrl, clock);
        var waitStarted = await InterruptDuringWaitAsync(world, "resumed");
        clock.Advance(TimeSpan.FromSeconds(50));

        var resumed = world.NewEngine().UpAsync(EngineWorld.Up("resumed", WaitOnly), CancellationToken.None);
        await RunClockUntilDoneAsync(clock, resumed);
        var result = await resumed;

        Assert.Equal(StackStatus.RollbackComplete, result.Stack!.Status);
        Assert.Equal("WaitCondition timed out. Received 0 conditions when expecting 1", result.RootCause!.Message);
        // 60 s after the first run started waiting, not 60 s after the resume (which would be 110 s).
        var timedOut = (await world.EventsAsync("resumed")).Last(e => e.LogicalId == "Ready" && e.Status == "CREATE_FAILED");
        Assert.InRange(timedOut.Timestamp - waitStarted, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(75));
    }

    [Fact]
    public async Task UpAsync_SignalStoredByServerWhileNoUpRan_CompletesTheResumedWaitAtOnce()
    {
        var clock = new ManualClock(Start);
        await using var server = await ServerHost.StartAsync(clock);
        using var world = new EngineWorld(server.Directory, server.BaseUrl, clock);
        await InterruptDuringWaitAsync(world, "late");
        var handleUrl = await world.PhysicalIdAsync("late", "Handle");
        clock.Advance(TimeSpan.FromSeconds(30));

        using var response = await CfnSignal.PutAsync(server.Http, handleUrl, CfnSignal.Body("SUCCESS", "web-1", data: "ready"));
        var result = await world.NewEngine().UpAsync(EngineWorld.Up("late", WaitOnly), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StackStatus.CreateComplete, result.Stack!.Status);
        Assert.Equal("""{"web-1":"ready"}""", result.Stack.Outputs.Single(o => o.Key == "Data").Value);
        Assert.Equal(Start + TimeSpan.FromSeconds(30), clock.GetUtcNow());
    }

    [Fact]
    public async Task UpAsync_NewOperationAfterATimedOutWait_WaitsTheFullTimeoutAgain()
    {
        var clock = new ManualClock(Start);
        await using var server = await ServerHost.StartAsync(clock);
        using var world = new EngineWorld(server.Directory, server.BaseUrl, clock);
        var first = world.Engine.UpAsync(EngineWorld.Up("again", WaitOnly) with { DisableRollback = true }, CancellationToken.None);
        await RunClockUntilDoneAsync(clock, first);
        Assert.Equal(StackStatus.CreateFailed, (await first).Stack!.Status);
        clock.Advance(TimeSpan.FromMinutes(10));

        // A retry the user asks for is a new wait: a signal 30 s into it (long after the first deadline) still counts.
        var retry = world.NewEngine().UpAsync(EngineWorld.Up("again", WaitOnly), CancellationToken.None);
        var pending = await world.PendingCallAsync("again", "Ready");
        clock.Advance(TimeSpan.FromSeconds(30));
        using var response = await CfnSignal.PutAsync(server.Http, await world.PhysicalIdAsync("again", "Handle"), CfnSignal.Body("SUCCESS", "web-2", data: "ready"));
        // The server is another process's hub: the wait sees the signal on its next poll of the store.
        await RunClockUntilDoneAsync(clock, retry);
        var result = await retry;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(result.Succeeded, string.Join("; ", result.Messages) + " " + result.RootCause?.Message);
        Assert.Equal("""{"web-2":"ready"}""", result.Stack!.Outputs.Single(o => o.Key == "Data").Value);
        Assert.True(pending.StartedAt > Start + TimeSpan.FromMinutes(10));
    }

    /// <summary>Starts an up, waits until its wait condition is waiting, then kills it (the abort token); returns when the wait started.</summary>
    private static async Task<DateTimeOffset> InterruptDuringWaitAsync(EngineWorld world, string stack)
    {
        using var abort = new CancellationTokenSource();
        var first = world.Engine.UpAsync(EngineWorld.Up(stack, WaitOnly), abort.Token);
        var waiting = await world.PendingCallAsync(stack, "Ready");
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        return waiting.StartedAt;
    }

    /// <summary>Moves the clock a second at a time until <paramref name="operation"/> ends (at most 10 simulated minutes).</summary>
    private static async Task RunClockUntilDoneAsync(ManualClock clock, Task operation)
    {
        for (var step = 0; step < 600 && !operation.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(operation, Task.Delay(10));
        }
    }
}
