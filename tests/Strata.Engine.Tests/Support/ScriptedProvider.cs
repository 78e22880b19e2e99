using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Strata.Engine.Providers;
using Strata.Engine.State;

namespace Strata.Engine.Tests.Support;

/// <summary>One call the provider received.</summary>
public sealed record ProviderCall(ProviderAction Action, string LogicalId, string ClientToken, string? PhysicalId, JsonObject Desired, bool Snapshot = false);

/// <summary>
/// An in-test provider for unit tests that must control timing and failures exactly (the real sandbox is
/// used by the scenario tests). Idempotent by client token, like the handler contract requires; each
/// logical id can be given a script that decides the outcome of a call.
/// </summary>
public sealed class ScriptedProvider : IResourceProvider
{
    private readonly ConcurrentDictionary<string, ProgressEvent> _byToken = new();
    private readonly ConcurrentDictionary<string, Func<ProviderCall, Task<ProgressEvent?>>> _scripts = new();
    private int _counter;

    public string Name => "scripted";

    public ConcurrentQueue<ProviderCall> Calls { get; } = new();

    /// <summary>Resources that exist, by physical id.</summary>
    public ConcurrentDictionary<string, string> Existing { get; } = new();

    public ConcurrentQueue<string> Cancelled { get; } = new();

    /// <summary>Lets <paramref name="script"/> answer calls for <paramref name="logicalId"/>; returning null falls back to success.</summary>
    public void Script(string logicalId, Func<ProviderCall, Task<ProgressEvent?>> script) => _scripts[logicalId] = script;

    /// <summary>What <c>Ref</c> returns, when a test needs it to differ from the physical id (as Cloud Control's compound ids do).</summary>
    public Func<string, string, JsonObject?, string>? References { get; set; }

    /// <summary>Types this provider declines (as the AWS provider declines custom resources), so the engine handles them.</summary>
    public HashSet<string> Declined { get; } = new(StringComparer.Ordinal);

    public bool Supports(string typeName) => !Declined.Contains(typeName);

    public string ReferenceOf(string typeName, string physicalId, JsonObject? model) =>
        References is { } references ? references(typeName, physicalId, model) : physicalId;

    public Task<ProgressEvent> CreateAsync(ResourceRequest request, CancellationToken cancellationToken) => HandleAsync(ProviderAction.Create, request, cancellationToken);

    public Task<ProgressEvent> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) => HandleAsync(ProviderAction.Update, request, cancellationToken);

    public Task<ProgressEvent> DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) => HandleAsync(ProviderAction.Delete, request, cancellationToken);

    public Task<ProgressEvent> ReadAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ProgressEvent.Succeeded(request.PhysicalId, []));

    public Task<ListResourcesResult> ListAsync(string typeName, string? nextToken, CancellationToken cancellationToken) =>
        Task.FromResult(new ListResourcesResult(Existing.Keys.ToList(), null));

    public Task<ProgressEvent> GetStatusAsync(string requestToken, CancellationToken cancellationToken) =>
        Task.FromResult(_byToken.TryGetValue(requestToken, out var done) ? done : ProgressEvent.Failure(HandlerErrorCode.NotFound, "unknown request"));

    public Task CancelAsync(string requestToken, CancellationToken cancellationToken)
    {
        Cancelled.Enqueue(requestToken);
        return Task.CompletedTask;
    }

    private async Task<ProgressEvent> HandleAsync(ProviderAction action, ResourceRequest request, CancellationToken cancellationToken)
    {
        if (_byToken.TryGetValue(request.ClientToken, out var earlier))
        {
            return earlier;
        }
        var call = new ProviderCall(action, request.LogicalId, request.ClientToken, request.PhysicalId, request.DesiredState, request.Snapshot);
        Calls.Enqueue(call);
        ProgressEvent? scripted = null;
        if (_scripts.TryGetValue(request.LogicalId, out var script))
        {
            scripted = await script(call).WaitAsync(cancellationToken);
        }
        var result = scripted ?? Succeed(action, request);
        if (result.Status != OperationStatus.InProgress && result.ErrorCode is not HandlerErrorCode.Throttling)
        {
            _byToken[request.ClientToken] = result;
        }
        return result;
    }

    private ProgressEvent Succeed(ProviderAction action, ResourceRequest request)
    {
        switch (action)
        {
            case ProviderAction.Create:
                var id = $"{request.LogicalId.ToLowerInvariant()}-{Interlocked.Increment(ref _counter)}";
                Existing[id] = request.LogicalId;
                var model = (JsonObject)request.DesiredState.DeepClone();
                model["Arn"] = "arn:test:" + id;
                return ProgressEvent.Succeeded(id, model);
            case ProviderAction.Delete:
                Existing.TryRemove(request.PhysicalId ?? "", out _);
                return ProgressEvent.Succeeded(request.PhysicalId, null);
            default:
                var updated = (JsonObject)request.DesiredState.DeepClone();
                updated["Arn"] = "arn:test:" + request.PhysicalId;
                return ProgressEvent.Succeeded(request.PhysicalId, updated);
        }
    }
}
