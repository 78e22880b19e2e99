using System.Text.Json.Nodes;

namespace Strata.Engine.State;

public enum ProviderAction
{
    Create,
    Update,
    Delete,
}

public enum JournalState
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>
/// One provider call, written before the call (Pending) and after it (Succeeded / Failed) — Pulumi's
/// journal. A Pending entry found on start-up is a call whose outcome the engine never saw (the process
/// died): it is replayed with the same <see cref="ClientToken"/>, which the provider answers with the
/// original outcome instead of acting twice.
/// </summary>
public sealed record JournalEntry
{
    public required string OperationId { get; init; }

    public required string StackId { get; init; }

    /// <summary>The resource record the call acts on.</summary>
    public required string RecordId { get; init; }

    public required string LogicalId { get; init; }

    public required string ResourceType { get; init; }

    public required ProviderAction Action { get; init; }

    public JournalState State { get; init; } = JournalState.Pending;

    /// <summary>The idempotency token of the current attempt (a retry after a failure gets a new one).</summary>
    public required string ClientToken { get; init; }

    /// <summary>Everything needed to repeat the call: desired and previous state, physical id, metadata.</summary>
    public required JsonObject Request { get; init; }

    public string? PhysicalId { get; init; }

    public JsonObject? Result { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}
