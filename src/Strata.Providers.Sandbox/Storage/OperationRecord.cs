using System.Text.Json.Nodes;
using Strata.Engine.Providers;

namespace Strata.Providers.Sandbox.Storage;

/// <summary>
/// One create / update / delete, stored with its start and due time so that polling from another
/// process, or after a restart, finishes it. The outcome (fail or not) is decided when it is accepted
/// and stored with it, so every poller sees the same ending.
/// </summary>
internal sealed record OperationRecord
{
    public required string RequestToken { get; init; }
    public required string ClientToken { get; init; }
    public required OperationKind Kind { get; init; }
    public required string Type { get; init; }
    public required string PhysicalId { get; init; }
    public required string Stack { get; init; }
    public required string LogicalId { get; init; }
    public required long StartedAt { get; init; }

    /// <summary>When it completes, in Unix milliseconds; null for an injected hang (never).</summary>
    public long? DueAt { get; init; }

    public required OperationStatus Status { get; init; }

    /// <summary>The failure it ends with (decided up front), or the failure it ended with.</summary>
    public HandlerErrorCode? ErrorCode { get; init; }

    public string? Message { get; init; }

    /// <summary>An update's new properties and model, applied when it completes.</summary>
    public JsonObject? Pending { get; init; }

    public long? FinishedAt { get; init; }
}
