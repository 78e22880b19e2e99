using System.Text.Json.Nodes;
using Strata.Engine.Model;
using Strata.Engine.Providers;
using Strata.Engine.State;

namespace Strata.Engine.Execution;

/// <summary>
/// Makes journaled provider calls: the journal entry, the resource's new status and its event are written
/// before the call; the outcome, the record and the final event after it — each step in one transaction.
/// A call rebuilt from a Pending entry (after a crash) goes through <see cref="RunAsync"/> only.
/// </summary>
internal static class CallRunner
{
    public static ResourceCall Prepare(StackRun run, ResourceRecord record, ProviderAction action, CallPurpose purpose, JsonObject request)
    {
        // Time-ordered (version 7): the journal's key index then grows at its end instead of at random pages,
        // so each commit writes fewer pages. Also the provider's client token, which only needs to be unique.
        var operationId = Identifiers.NewTimeOrdered(run.Services.Time.GetUtcNow()).ToString("N");
        var entry = new JournalEntry
        {
            OperationId = operationId,
            StackId = run.Stack.StackId,
            RecordId = record.RecordId,
            LogicalId = record.LogicalId,
            ResourceType = record.Type,
            Action = action,
            ClientToken = operationId,
            Request = request,
            PhysicalId = record.PhysicalId,
            StartedAt = run.Services.Time.GetUtcNow(),
        };
        return new ResourceCall(entry, record, purpose);
    }

    /// <summary>Journals the call and writes the record (in its in-progress status) and the event, atomically.</summary>
    public static async Task BeginAsync(StackRun run, ResourceCall call, EventDraft? startEvent, CancellationToken cancellationToken)
    {
        await run.Store.BeginOperationAsync(call.Entry, call.Record, run.Stack.Name, startEvent, cancellationToken).ConfigureAwait(false);
        run.Records.Save(call.Record);
    }

    /// <summary>Makes the call, then records its outcome. Returns the provider's final answer.</summary>
    public static async Task<HandlerResult> RunAsync(StackRun run, ResourceCall call, CancellationToken cancellationToken)
    {
        var handler = run.Services.Router.For(call.Record.Type);
        var timeout = handler.HasOwnTimeout ? (TimeSpan?)null
            : run.Settings.ResourceTimeout ?? ResourceTimeouts.For(call.Record.Type, run.Services.Options);
        var record = call.Record;
        var request = BuildProviderRequest(run, call);

        async Task Progress(string clientToken, string? physicalId, CancellationToken token)
        {
            await run.Store.RecordProgressAsync(call.Entry.OperationId, clientToken, physicalId, token).ConfigureAwait(false);
            if (physicalId is not null && record.PhysicalId is null)
            {
                record = record with { PhysicalId = physicalId };
                run.Records.Save(record);
            }
        }

        var result = await handler.ExecuteAsync(call.Action, request, new CallContext(run, Progress, timeout), cancellationToken).ConfigureAwait(false);
        var outcome = result.Event;
        if (call.Action == ProviderAction.Delete && outcome is { Status: OperationStatus.Failed, ErrorCode: HandlerErrorCode.NotFound })
        {
            // Already gone: what deletion wanted.
            outcome = ProgressEvent.Succeeded(record.PhysicalId, null);
        }
        await CompleteAsync(run, call with { Record = record }, outcome, result.InnerCause, cancellationToken).ConfigureAwait(false);
        return result with { Event = outcome };
    }

    private static ResourceRequest BuildProviderRequest(StackRun run, ResourceCall call) => new()
    {
        TypeName = call.Record.Type,
        LogicalId = call.Record.LogicalId,
        StackName = run.Stack.Name,
        ClientToken = call.Entry.ClientToken,
        // Fresh objects: the provider may change them without touching the journaled call.
        DesiredState = call.DesiredState().ToObject(),
        PreviousState = call.Previous?.DeepClone() as JsonObject,
        PhysicalId = call.Action == ProviderAction.Create ? null : call.Record.PhysicalId ?? call.Entry.PhysicalId,
        Metadata = call.MetadataState()?.ToObject(),
        Region = run.Services.Options.Region,
        SystemTags = new Dictionary<string, string>
        {
            ["strata:stack"] = run.Stack.Name,
            ["strata:logical-id"] = call.Record.LogicalId,
        },
        Snapshot = call.Snapshot,
    };

    private static async Task CompleteAsync(StackRun run, ResourceCall call, ProgressEvent outcome, RootCause? innerCause, CancellationToken cancellationToken)
    {
        var now = run.Services.Time.GetUtcNow();
        var succeeded = outcome.Status == OperationStatus.Success;
        var record = call.Record with { UpdatedAt = now };
        var physicalId = outcome.PhysicalId ?? record.PhysicalId ?? call.Entry.PhysicalId;
        var reason = succeeded ? null : Events.HandlerFailure(outcome.ErrorCode, outcome.Message);
        var result = new JsonObject
        {
            ["status"] = outcome.Status.ToString(),
            ["physicalId"] = physicalId,
            ["errorCode"] = outcome.ErrorCode?.ToString(),
            ["message"] = outcome.Message,
        };
        ResourceRecord? superseded = null;
        var remove = false;
        EventDraft draft;

        switch (call.Purpose)
        {
            case CallPurpose.Create or CallPurpose.Replace when succeeded:
                var awaitingSignals = call.SignalCount > 0;
                var done = call.Purpose == CallPurpose.Create ? ResourceStatus.CreateComplete : ResourceStatus.UpdateComplete;
                var going = call.Purpose == CallPurpose.Create ? ResourceStatus.CreateInProgress : ResourceStatus.UpdateInProgress;
                record = record with
                {
                    PhysicalId = physicalId,
                    Model = StoredJson.FromNullable(outcome.ResourceModel) ?? StoredJson.Empty,
                    Properties = call.DesiredState(),
                    Status = awaitingSignals ? going : done,
                    StatusReason = null,
                    IsCurrent = true,
                };
                if (call.ReplacesRecordId is { } old && run.Records.Get(old) is { } oldRecord)
                {
                    superseded = oldRecord with { IsCurrent = false, UpdatedAt = now };
                }
                draft = awaitingSignals
                    ? Events.Resource(record, going, $"Resource creation Initiated; waiting for {call.SignalCount} signal(s)")
                    : Events.Resource(record, done);
                break;
            case CallPurpose.Create or CallPurpose.Replace:
                record = record with { PhysicalId = physicalId, Status = call.Purpose == CallPurpose.Create ? ResourceStatus.CreateFailed : ResourceStatus.UpdateFailed, StatusReason = reason };
                // A failed create that left nothing behind is forgotten; one that left a physical resource is kept so rollback deletes it.
                remove = physicalId is null && call.Purpose == CallPurpose.Replace;
                draft = Events.Resource(record, record.Status, reason);
                break;
            case CallPurpose.Update or CallPurpose.Revert when succeeded:
                record = record with
                {
                    PhysicalId = physicalId,
                    Model = StoredJson.FromNullable(outcome.ResourceModel) ?? record.Model,
                    Properties = call.DesiredState(),
                    Metadata = call.MetadataState(),
                    Status = ResourceStatus.UpdateComplete,
                    StatusReason = null,
                };
                draft = Events.Resource(record, ResourceStatus.UpdateComplete);
                break;
            case CallPurpose.Update or CallPurpose.Revert:
                record = record with { Status = ResourceStatus.UpdateFailed, StatusReason = reason };
                draft = Events.Resource(record, ResourceStatus.UpdateFailed, reason);
                break;
            case CallPurpose.Delete when succeeded:
                remove = true;
                draft = Events.Resource(record with { PhysicalId = physicalId }, ResourceStatus.DeleteComplete);
                break;
            default:
                record = record with { Status = ResourceStatus.DeleteFailed, StatusReason = reason };
                draft = Events.Resource(record, ResourceStatus.DeleteFailed, reason);
                break;
        }

        if (superseded is not null)
        {
            await run.Store.SaveResourceAsync(superseded, run.Stack.Name, null, cancellationToken).ConfigureAwait(false);
            run.Records.Save(superseded);
        }
        await run.Store.CompleteOperationAsync(call.Entry.OperationId, succeeded, result, record, remove, run.Stack.Name, draft, cancellationToken).ConfigureAwait(false);
        if (remove)
        {
            run.Records.Remove(record.RecordId);
        }
        else
        {
            run.Records.Save(record);
        }

        if (succeeded && record.IsCurrent && !remove && record.PhysicalId is not null)
        {
            run.Live.Set(record);
        }
        if (!succeeded)
        {
            run.Failures.Record(record.LogicalId, innerCause ?? new RootCause(
                record.LogicalId, record.Type, (outcome.ErrorCode ?? HandlerErrorCode.GeneralServiceException).ToString(), outcome.Message ?? "no message"));
        }
    }
}
