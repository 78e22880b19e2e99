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
/// One journaled provider call: the journal entry (with everything needed to repeat the call) and the
/// record it acts on. Built fresh by a step, or rebuilt from a Pending journal entry after a crash.
/// </summary>
internal sealed record ResourceCall(JournalEntry Entry, ResourceRecord Record, CallPurpose Purpose)
{
    public ProviderAction Action => Entry.Action;

    public JsonObject Desired => Entry.Request["desired"] as JsonObject ?? [];

    public JsonObject? Previous => Entry.Request["previous"] as JsonObject;

    public JsonObject? Metadata => Entry.Request["metadata"] as JsonObject;

    /// <summary>The record a replacement supersedes.</summary>
    public string? ReplacesRecordId => Entry.Request["replaces"]?.GetValue<string>();

    /// <summary>Signals to wait for after a create (CreationPolicy); 0 when none.</summary>
    public int SignalCount => Entry.Request["signals"]?.GetValue<int>() ?? 0;

    public bool Snapshot => Entry.Request["snapshot"]?.GetValue<bool>() ?? false;

    /// <summary>
    /// The journaled request. It takes the nodes it is given rather than copying them (a create's desired state is
    /// built for it by evaluation, and copying it was a good part of what a create allocates): callers hand over
    /// fresh objects and do not change them afterwards. A node already part of another request (a conditional
    /// replacement after a refused update reuses the evaluated properties) is copied.
    /// </summary>
    public static JsonObject BuildRequest(CallPurpose purpose, JsonObject desired, JsonObject? previous, JsonObject? metadata, string? replaces = null, int signals = 0, bool snapshot = false)
    {
        var request = new JsonObject
        {
            ["purpose"] = purpose.ToString(),
            ["desired"] = Own(desired),
        };
        if (previous is not null) request["previous"] = Own(previous);
        if (metadata is not null) request["metadata"] = Own(metadata);
        if (replaces is not null) request["replaces"] = replaces;
        if (signals > 0) request["signals"] = signals;
        if (snapshot) request["snapshot"] = true;
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
