using System.Text.Json.Nodes;
using Strata.Engine.Model;
using Strata.Engine.State;

namespace Strata.Engine.Execution;

/// <summary>Why a provider call is made; decides how its outcome changes the records and which events it writes.</summary>
internal enum CallPurpose
{
    Create,
    /// <summary>Create the new physical resource of a replacement (the old one is deleted in cleanup).</summary>
    Replace,
    Update,
    /// <summary>An update back to the previous template's values (update rollback).</summary>
    Revert,
    Delete,
}

/// <summary>
/// One journaled provider call: the journal entry and the record it acts on, which together hold everything
/// needed to repeat the call. Built fresh by a step, or rebuilt from a Pending journal entry after a crash.
/// </summary>
/// <remarks>
/// A create, a replacement and a delete ask for exactly what their record holds: the record is written with
/// those properties and metadata in the same transaction as the journal entry (and read back with it after a
/// crash), so their requests do not repeat them. Repeating them wrote a resource's properties twice at the start
/// of every call and rewrote the copy when the entry was closed. An update's request carries its desired state,
/// since its record keeps the current properties until the update succeeds. Entries written before this rule
/// (with the state in the request) are read as they are.
/// </remarks>
internal sealed record ResourceCall(JournalEntry Entry, ResourceRecord Record, CallPurpose Purpose)
{
    public ProviderAction Action => Entry.Action;

    /// <summary>Whether the call asks for its record's own properties and metadata (see the remarks).</summary>
    public static bool TakesRecordState(CallPurpose purpose) =>
        purpose is CallPurpose.Create or CallPurpose.Replace or CallPurpose.Delete;

    /// <summary>The desired state: the request's for an update, the record's own (already compact, not copied) otherwise.</summary>
    public StoredJson DesiredState() =>
        Entry.Request["desired"] is JsonObject desired ? StoredJson.From(desired)
        : TakesRecordState(Purpose) ? Record.Properties
        : StoredJson.Empty;

    /// <summary>The metadata sent with the call; null when there is none.</summary>
    public StoredJson? MetadataState() =>
        Entry.Request["metadata"] is JsonObject metadata ? StoredJson.From(metadata)
        : TakesRecordState(Purpose) ? Record.Metadata
        : null;

    public JsonObject? Previous => Entry.Request["previous"] as JsonObject;

    /// <summary>The record a replacement supersedes.</summary>
    public string? ReplacesRecordId => Entry.Request["replaces"]?.GetValue<string>();

    /// <summary>Signals to wait for after a create (CreationPolicy); 0 when none.</summary>
    public int SignalCount => Entry.Request["signals"]?.GetValue<int>() ?? 0;

    public bool Snapshot => Entry.Request["snapshot"]?.GetValue<bool>() ?? false;

    /// <summary>
    /// The journaled request of a create or replacement, or of a delete: they ask for their record's own properties and
    /// metadata (see the remarks), so the request holds only what the record does not.
    /// </summary>
    public static JsonObject RecordStateRequest(CallPurpose purpose, string? replaces = null, int signals = 0, bool snapshot = false)
    {
        if (!TakesRecordState(purpose))
        {
            throw new ArgumentException($"The {purpose} call carries its own desired state ({nameof(UpdateRequest)})", nameof(purpose));
        }
        var request = new JsonObject { ["purpose"] = purpose.ToString() };
        if (replaces is not null) request["replaces"] = replaces;
        if (signals > 0) request["signals"] = signals;
        if (snapshot) request["snapshot"] = true;
        return request;
    }

    /// <summary>
    /// The journaled request of an update or of its revert: the desired state, the state it replaces and the metadata.
    /// It takes the nodes it is given rather than copying them (the desired state is built for it by evaluation):
    /// callers hand over fresh objects and do not change them afterwards. A node already part of another request is copied.
    /// </summary>
    public static JsonObject UpdateRequest(CallPurpose purpose, JsonObject desired, JsonObject previous, JsonObject? metadata)
    {
        if (TakesRecordState(purpose))
        {
            throw new ArgumentException($"The {purpose} call asks for its record's state ({nameof(RecordStateRequest)})", nameof(purpose));
        }
        var request = new JsonObject
        {
            ["purpose"] = purpose.ToString(),
            ["desired"] = Own(desired),
            ["previous"] = Own(previous),
        };
        if (metadata is not null) request["metadata"] = Own(metadata);
        return request;
    }

    private static JsonNode Own(JsonObject node) => node.Parent is null ? node : node.DeepClone();

    public static CallPurpose PurposeOf(JournalEntry entry) =>
        Enum.TryParse<CallPurpose>(entry.Request["purpose"]?.GetValue<string>(), out var purpose) ? purpose
        : entry.Action switch
        {
            ProviderAction.Create => CallPurpose.Create,
            ProviderAction.Update => CallPurpose.Update,
            _ => CallPurpose.Delete,
        };
}
