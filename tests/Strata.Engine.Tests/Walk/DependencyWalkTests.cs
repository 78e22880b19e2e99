using System.Collections.Concurrent;
using Strata.Engine.Walk;

namespace Strata.Engine.Tests.Walk;

public class DependencyWalkTests
{
    private static DependencyWalk<string> Graph(params (string Node, string[] Dependencies)[] nodes) =>
        new(nodes.Select(n => n.Node).ToList(), id => nodes.Single(n => n.Node == id).Dependencies);

    [Fact]
    public async Task RunAsync_Chain_VisitsEachAfterItsDependency()
    {
        var walk = Graph(("C", ["B"]), ("B", ["A"]), ("A", []));
        var order = new ConcurrentQueue<string>();

        var result = await walk.RunAsync((id, _) => { order.Enqueue(id); return Task.FromResult(true); }, null, CancellationToken.None);

        Assert.Equal(["A", "B", "C"], order);
        Assert.True(result.AllSucceeded);
    }

    [Fact]
    public async Task RunAsync_IndependentNodes_RunAtTheSameTime()
    {
        var walk = Graph(("A", []), ("B", []), ("C", []));
        var started = new ConcurrentDictionary<string, bool>();
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var result = await walk.RunAsync(async (id, _) =>
        {
            started[id] = true;
            if (started.Count == 3)
            {
                allStarted.TrySetResult();
            }
            // Each visit finishes only once all three have started: possible only if they run concurrently.
            await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return true;
        }, null, CancellationToken.None);

        Assert.True(result.AllSucceeded);
    }

    [Fact]
    public async Task RunAsync_NodeWithTwoDependencies_StartsOnlyWhenBothCompleted()
    {
        var walk = Graph(("A", []), ("B", []), ("Join", ["A", "B"]));
        var finished = new ConcurrentDictionary<string, bool>();
        var joinSawBoth = false;

        await walk.RunAsync(async (id, _) =>
        {
            if (id == "B")
            {
                await Task.Delay(50);
            }
            if (id == "Join")
            {
                joinSawBoth = finished.ContainsKey("A") && finished.ContainsKey("B");
            }
            finished[id] = true;
            return true;
        }, null, CancellationToken.None);

        Assert.True(joinSawBoth);
    }

    [Fact]
    public async Task RunAsync_FailedNode_SkipsEverythingDownstreamOnly()
    {
        var walk = Graph(("A", []), ("B", ["A"]), ("C", ["B"]), ("Other", []));

        var result = await walk.RunAsync((id, _) => Task.FromResult(id != "A"), null, CancellationToken.None);

        Assert.Equal(NodeOutcome.Failed, result.Outcomes["A"]);
        Assert.Equal(NodeOutcome.Skipped, result.Outcomes["B"]);
        Assert.Equal(NodeOutcome.Skipped, result.Outcomes["C"]);
        Assert.Equal(NodeOutcome.Succeeded, result.Outcomes["Other"]);
    }

    [Fact]
    public async Task RunAsync_VisitThrows_CountsAsFailureWithTheException()
    {
        var walk = Graph(("A", []));

        var result = await walk.RunAsync((_, _) => throw new InvalidOperationException("boom"), null, CancellationToken.None);

        Assert.Equal(NodeOutcome.Failed, result.Outcomes["A"]);
        Assert.Equal("boom", result.Errors["A"].Message);
    }

    [Fact]
    public async Task RunAsync_StopOnFailure_StartsNothingNewButLetsRunningFinish()
    {
        var walk = Graph(("Fails", []), ("Slow", []), ("Later", ["Slow"]));
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var result = await walk.RunAsync(async (id, _) =>
        {
            if (id == "Fails")
            {
                failed.SetResult();
                return false;
            }
            if (id == "Slow")
            {
                await failed.Task;
                await Task.Delay(20);
            }
            return true;
        }, new WalkOptions { StopOnFailure = true }, CancellationToken.None);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcomes["Slow"]);
        Assert.Equal(NodeOutcome.NotStarted, result.Outcomes["Later"]);
    }

    [Fact]
    public async Task RunAsync_GracefulStop_StartsNothingAfterTheStop()
    {
        var walk = Graph(("A", []), ("B", ["A"]));
        using var stop = new CancellationTokenSource();

        var result = await walk.RunAsync(async (id, _) =>
        {
            await stop.CancelAsync();
            return true;
        }, new WalkOptions { Stop = stop.Token }, CancellationToken.None);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcomes["A"]);
        Assert.Equal(NodeOutcome.NotStarted, result.Outcomes["B"]);
    }

    [Fact]
    public async Task RunAsync_MaxParallel_NeverExceedsTheLimit()
    {
        var walk = new DependencyWalk<int>(Enumerable.Range(0, 40).ToList(), _ => []);
        var running = 0;
        var peak = 0;

        var result = await walk.RunAsync(async (_, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(5);
            Interlocked.Decrement(ref running);
            return true;
        }, new WalkOptions { MaxParallel = 3 }, CancellationToken.None);

        Assert.True(result.AllSucceeded);
        Assert.InRange(peak, 1, 3);
    }

    [Fact]
    public void Constructor_Cycle_ThrowsNamingTheNodesOnIt()
    {
        var error = Assert.Throws<DependencyCycleException>(() => Graph(("A", ["C"]), ("B", ["A"]), ("C", ["B"]), ("Free", [])));

        Assert.Equal(["A", "B", "C"], error.Members);
    }

    [Fact]
    public void Reversed_TopologicalOrder_PutsDependentsFirst()
    {
        var walk = Graph(("Vpc", []), ("Subnet", ["Vpc"]), ("Instance", ["Subnet", "Vpc"]));

        Assert.Equal(["Vpc", "Subnet", "Instance"], walk.TopologicalOrder());
        Assert.Equal(["Instance", "Subnet", "Vpc"], walk.Reversed().TopologicalOrder());
    }

    [Fact]
    public async Task RunAsync_WideGraph_DispatchesEveryNodeOnce()
    {
        const int width = 2000;
        var nodes = Enumerable.Range(0, width + 1).ToList();
        var walk = new DependencyWalk<int>(nodes, n => n == width ? Enumerable.Range(0, width) : n == 0 ? [] : [0]);
        var visits = new ConcurrentDictionary<int, int>();

        var result = await walk.RunAsync((n, _) => { visits.AddOrUpdate(n, 1, (_, c) => c + 1); return Task.FromResult(true); }, null, CancellationToken.None);

        Assert.True(result.AllSucceeded);
        Assert.Equal(width + 1, visits.Count);
        Assert.All(visits.Values, count => Assert.Equal(1, count));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
