using System.Diagnostics;
using System.Text.Json.Nodes;
using Strata.Bench.Engine.Graphs;
using Strata.Engine.Providers;

namespace Strata.Bench.Engine.Providers;

/// <summary>
/// A provider whose create takes the graph's duration for the resource in real time (a <see cref="PreciseTimer"/>,
/// no CPU), and stamps when each call arrives and when its resource is done (the timer's fire time). Those
/// stamps are the benchmark's ground truth: the time from a resource being done to its dependent's call is the
/// engine's dispatch latency, and done-minus-arrived is the duration the resource really took.
/// With no timer, every call answers at once: the engine's own cost per resource, and nothing else.
/// </summary>
public sealed class TimedProvider(BenchGraph graph, PreciseTimer? timer) : IResourceProvider
{
    private readonly long[] _arrived = new long[graph.Count];
    private readonly long[] _answered = new long[graph.Count];
    private int _creates;
    private int _duplicates;

    public string Name => "bench";

    /// <summary><see cref="Stopwatch"/> timestamp of each resource's create call (0 if none).</summary>
    public IReadOnlyList<long> Arrived => _arrived;

    /// <summary>When each resource was done: the timer's fire time (or the answer, with no timer).</summary>
    public IReadOnlyList<long> Answered => _answered;

    public int Creates => Volatile.Read(ref _creates);

    /// <summary>Creates received twice for one resource (the engine should make none).</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    public bool Supports(string typeName) => true;

    public async Task<ProgressEvent> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var arrived = Stopwatch.GetTimestamp();
        var index = graph.IndexOf[request.LogicalId];
        Interlocked.Increment(ref _creates);
        if (Interlocked.CompareExchange(ref _arrived[index], arrived, 0) != 0)
        {
            Interlocked.Increment(ref _duplicates);
        }
        var done = arrived;
        if (timer is not null)
        {
            done = await timer.WaitUntilAsync(arrived + graph.DurationsMs[index] * Stopwatch.Frequency / 1000, cancellationToken).ConfigureAwait(false);
        }
        var name = request.DesiredState["Name"]?.GetValue<string>() ?? request.LogicalId;
        var model = (JsonObject)request.DesiredState.DeepClone();
        // What the sandbox adds for a parameter: its ARN (a read-only attribute).
        model["Arn"] = $"arn:aws:ssm:{request.Region}:123456789012:parameter{name}";
        _answered[index] = timer is null ? Stopwatch.GetTimestamp() : done;
        return ProgressEvent.Succeeded(name, model);
    }

    public Task<ProgressEvent> ReadAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ProgressEvent.Succeeded(request.PhysicalId, null));

    public Task<ProgressEvent> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ProgressEvent.Succeeded(request.PhysicalId, (JsonObject)request.DesiredState.DeepClone()));

    public Task<ProgressEvent> DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ProgressEvent.Succeeded(request.PhysicalId, null));

    public Task<ListResourcesResult> ListAsync(string typeName, string? nextToken, CancellationToken cancellationToken) =>
        Task.FromResult(new ListResourcesResult([], null));

    public Task<ProgressEvent> GetStatusAsync(string requestToken, CancellationToken cancellationToken) =>
        Task.FromResult(ProgressEvent.Failure(HandlerErrorCode.NotFound, "the bench provider has no long operations"));

    public Task CancelAsync(string requestToken, CancellationToken cancellationToken) => Task.CompletedTask;
}
