using System.Text.Json.Nodes;
using Strata.Engine.Definition;
using Strata.Engine.Model;
using Strata.Engine.Planning;
using Strata.Engine.Providers;
using Strata.Engine.Signals;
using Strata.Engine.State;

namespace Strata.Engine.Execution;

/// <summary>Forward (apply a template) or back (an update rollback re-applying the previous template).</summary>
internal enum ApplyMode
{
    Forward,
    Revert,
}

/// <summary>
/// Brings one resource to what the template says, deciding at the moment it starts — with every
/// dependency's real values — whether to create, update, replace or leave it (Pulumi's steps).
/// </summary>
internal static class ApplyStep
{
    public static async Task<bool> RunAsync(StackRun run, IStackDefinition definition, ResourceDefinition resource, ApplyMode mode, CancellationToken cancellationToken)
    {
        var resolved = definition.ResolveResource(resource.LogicalId, run.Live);
        if (resolved.Errors.Count > 0 || resolved.UnknownProperties.Count > 0)
        {
            var problem = resolved.Errors.Count > 0
                ? string.Join("; ", resolved.Errors)
                : "Values not known when the resource started: " + string.Join("; ", resolved.UnknownSources);
            await FailWithoutCallAsync(run, resource, HandlerErrorCode.InvalidRequest, problem, cancellationToken).ConfigureAwait(false);
            return false;
        }

        var record = run.Records.Current(resource.LogicalId);
        if (IsWaitingForSignals(record, resolved))
        {
            // An earlier run created it and was stopped (killed) while waiting for its CreationPolicy signals:
            // the wait goes on, with its first deadline, before anything else is decided about the resource.
            if (!await SignalWait.AwaitCreationSignalsAsync(run, resource.LogicalId, resolved.SignalPolicy!, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
            record = run.Records.Current(resource.LogicalId);
        }
        var decision = ChangeDecider.Decide(record, resource.Type, resolved, run.Services.Rules);
        if (mode == ApplyMode.Revert && decision.Action == ChangeAction.Replace && FindReplaced(run, resource.LogicalId, resolved) is { } previous)
        {
            return await RestoreAsync(run, previous, record!, cancellationToken).ConfigureAwait(false);
        }

        switch (decision.Action)
        {
            case ChangeAction.None:
                await KeepAsync(run, record!, resource, cancellationToken).ConfigureAwait(false);
                return true;
            case ChangeAction.Add:
                return await CreateAsync(run, resource, resolved, record, replaces: null, cancellationToken).ConfigureAwait(false);
            case ChangeAction.Replace:
                return await CreateAsync(run, resource, resolved, null, replaces: record, cancellationToken).ConfigureAwait(false);
            case ChangeAction.Modify when decision.Scope == ChangeScope.Metadata:
                await UpdateMetadataAsync(run, record!, resource, resolved, cancellationToken).ConfigureAwait(false);
                return true;
            default:
                var purpose = mode == ApplyMode.Revert ? CallPurpose.Revert : CallPurpose.Update;
                var result = await UpdateAsync(run, record!, resource, resolved, purpose, cancellationToken).ConfigureAwait(false);
                if (result.Event.ErrorCode == HandlerErrorCode.NotUpdatable && decision.Replacement == ReplacementKind.Conditional)
                {
                    // "May require replacement", and the provider says it does.
                    var failed = run.Records.Current(resource.LogicalId)!;
                    return await CreateAsync(run, resource, resolved, null, replaces: failed, cancellationToken).ConfigureAwait(false);
                }
                return result.Event.Status == OperationStatus.Success;
        }
    }

    private static async Task<bool> CreateAsync(StackRun run, ResourceDefinition resource, ResolvedResource resolved, ResourceRecord? failedAttempt, ResourceRecord? replaces, CancellationToken cancellationToken)
    {
        var now = run.Services.Time.GetUtcNow();
        var replacing = replaces is not null;
        var record = new ResourceRecord
        {
            // A create that failed before leaving anything behind is retried in its own record.
            // Time-ordered, as operation ids are (see CallRunner.Prepare): the records' key index grows at its end.
            RecordId = failedAttempt?.RecordId ?? Identifiers.NewTimeOrdered(now).ToString("N"),
            StackId = run.Stack.StackId,
            LogicalId = resource.LogicalId,
            Type = resource.Type,
            IsCurrent = !replacing,
            Status = replacing ? ResourceStatus.UpdateInProgress : ResourceStatus.CreateInProgress,
            Properties = StoredJson.From(resolved.Properties),
            Metadata = StoredJson.FromNullable(resolved.Metadata),
            DeletionPolicy = resource.DeletionPolicy,
            UpdateReplacePolicy = resource.UpdateReplacePolicy,
            DependsOn = resource.Dependencies,
            UpdatedAt = now,
        };
        var signals = resolved.SignalPolicy?.Count ?? 0;
        var purpose = replacing ? CallPurpose.Replace : CallPurpose.Create;
        var call = CallRunner.Prepare(run, record, ProviderAction.Create, purpose,
            ResourceCall.RecordStateRequest(purpose, replaces?.RecordId, signals));
        var startEvent = replacing
            ? Events.Resource(record with { PhysicalId = replaces!.PhysicalId }, ResourceStatus.UpdateInProgress, Events.ReplacementStarted)
            : Events.Resource(record, ResourceStatus.CreateInProgress);
        if (signals > 0)
        {
            await run.Store.ClearSignalsAsync(SignalUrls.HandleKey(run.Stack.StackId, resource.LogicalId), cancellationToken).ConfigureAwait(false);
        }
        await CallRunner.BeginAsync(run, call, startEvent, cancellationToken).ConfigureAwait(false);
        var result = await CallRunner.RunAsync(run, call, cancellationToken).ConfigureAwait(false);
        if (result.Event.Status != OperationStatus.Success)
        {
            return false;
        }
        return signals == 0 || await SignalWait.AwaitCreationSignalsAsync(run, resource.LogicalId, resolved.SignalPolicy!, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HandlerResult> UpdateAsync(StackRun run, ResourceRecord record, ResourceDefinition resource, ResolvedResource resolved, CallPurpose purpose, CancellationToken cancellationToken)
    {
        var updating = record with
        {
            Status = ResourceStatus.UpdateInProgress,
            StatusReason = null,
            DependsOn = resource.Dependencies,
            DeletionPolicy = resource.DeletionPolicy,
            UpdateReplacePolicy = resource.UpdateReplacePolicy,
            UpdatedAt = run.Services.Time.GetUtcNow(),
        };
        var call = CallRunner.Prepare(run, updating, ProviderAction.Update, purpose,
            ResourceCall.UpdateRequest(purpose, resolved.Properties, record.Properties.ToObject(), resolved.Metadata));
        await CallRunner.BeginAsync(run, call, Events.Resource(updating, ResourceStatus.UpdateInProgress), cancellationToken).ConfigureAwait(false);
        return await CallRunner.RunAsync(run, call, cancellationToken).ConfigureAwait(false);
    }

    private static async Task UpdateMetadataAsync(StackRun run, ResourceRecord record, ResourceDefinition resource, ResolvedResource resolved, CancellationToken cancellationToken)
    {
        var now = run.Services.Time.GetUtcNow();
        var updating = record with { Status = ResourceStatus.UpdateInProgress, UpdatedAt = now };
        await run.Store.SaveResourceAsync(updating, run.Stack.Name, Events.Resource(updating, ResourceStatus.UpdateInProgress), cancellationToken).ConfigureAwait(false);
        var updated = record with
        {
            Metadata = StoredJson.FromNullable(resolved.Metadata),
            Status = ResourceStatus.UpdateComplete,
            StatusReason = null,
            DependsOn = resource.Dependencies,
            DeletionPolicy = resource.DeletionPolicy,
            UpdateReplacePolicy = resource.UpdateReplacePolicy,
            UpdatedAt = now,
        };
        await run.Store.SaveResourceAsync(updated, run.Stack.Name, Events.Resource(updated, ResourceStatus.UpdateComplete), cancellationToken).ConfigureAwait(false);
        run.Records.Save(updated);
        run.Live.Set(updated);
    }

    /// <summary>
    /// Created (its create call succeeded and its journal entry is closed) but still in progress: only a wait for
    /// <c>CreationPolicy</c> signals leaves a record like that; an interrupted call is settled by journal recovery first.
    /// </summary>
    private static bool IsWaitingForSignals(ResourceRecord? record, ResolvedResource resolved) =>
        resolved.SignalPolicy is not null &&
        record is { PhysicalId: not null, Status: ResourceStatus.CreateInProgress or ResourceStatus.UpdateInProgress };

    /// <summary>An unchanged resource: record what the template now says about it (dependencies, policies) without events.</summary>
    private static async Task KeepAsync(StackRun run, ResourceRecord record, ResourceDefinition resource, CancellationToken cancellationToken)
    {
        if (!record.DependsOn.SequenceEqual(resource.Dependencies) || record.DeletionPolicy != resource.DeletionPolicy || record.UpdateReplacePolicy != resource.UpdateReplacePolicy)
        {
            var kept = record with
            {
                DependsOn = resource.Dependencies,
                DeletionPolicy = resource.DeletionPolicy,
                UpdateReplacePolicy = resource.UpdateReplacePolicy,
            };
            await run.Store.SaveResourceAsync(kept, run.Stack.Name, null, cancellationToken).ConfigureAwait(false);
            run.Records.Save(kept);
        }
        run.Live.Set(record);
    }

    /// <summary>The physical resource a failed update replaced, if it still exists with the values wanted back.</summary>
    private static ResourceRecord? FindReplaced(StackRun run, string logicalId, ResolvedResource wanted) =>
        run.Records.All
            .Where(r => !r.IsCurrent && r.LogicalId == logicalId && r.PhysicalId is not null && r.Status.Exists())
            .Where(r => r.Properties.SameAs(wanted.Properties))
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefault();

    /// <summary>Update rollback of a replacement: the old physical resource becomes current again; the new one is deleted in cleanup.</summary>
    private static async Task<bool> RestoreAsync(StackRun run, ResourceRecord previous, ResourceRecord replacement, CancellationToken cancellationToken)
    {
        var now = run.Services.Time.GetUtcNow();
        var demoted = replacement with { IsCurrent = false, UpdatedAt = now };
        var restored = previous with { IsCurrent = true, Status = ResourceStatus.UpdateComplete, StatusReason = null, UpdatedAt = now };
        await run.Store.SaveResourceAsync(demoted, run.Stack.Name, null, cancellationToken).ConfigureAwait(false);
        await run.Store.SaveResourceAsync(restored with { Status = ResourceStatus.UpdateInProgress }, run.Stack.Name,
            Events.Resource(restored, ResourceStatus.UpdateInProgress), cancellationToken).ConfigureAwait(false);
        await run.Store.SaveResourceAsync(restored, run.Stack.Name, Events.Resource(restored, ResourceStatus.UpdateComplete), cancellationToken).ConfigureAwait(false);
        run.Records.Save(demoted);
        run.Records.Save(restored);
        run.Live.Set(restored);
        return true;
    }

    /// <summary>A resource that cannot even be attempted (its values cannot be evaluated): a failure event and the root cause.</summary>
    private static async Task FailWithoutCallAsync(StackRun run, ResourceDefinition resource, HandlerErrorCode code, string message, CancellationToken cancellationToken)
    {
        var existing = run.Records.Current(resource.LogicalId);
        var status = existing is null ? ResourceStatus.CreateFailed : ResourceStatus.UpdateFailed;
        await run.Store.AppendEventAsync(run.Stack.StackId, run.Stack.Name,
            new EventDraft(resource.LogicalId, existing?.PhysicalId, resource.Type, status.ToCfn(), message), cancellationToken).ConfigureAwait(false);
        run.Failures.Record(resource.LogicalId, new RootCause(resource.LogicalId, resource.Type, code.ToString(), message));
    }
}
