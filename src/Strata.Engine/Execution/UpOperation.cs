using Strata.Engine.Definition;
using Strata.Engine.Model;
using Strata.Engine.Planning;
using Strata.Engine.Walk;

namespace Strata.Engine.Execution;

/// <summary>
/// <c>strata up</c>: creates the stack or updates it to the template; on failure rolls back (a create
/// deletes what it made, an update returns to the previous template) unless rollback is disabled. A stack a
/// dead process left in progress is resumed from the journal; one left rolled back is cleared first.
/// </summary>
internal sealed class UpOperation(EngineServices services, DeleteOperation deleter)
{
    private static readonly StackStatus[] InterruptedUpdate =
    [
        StackStatus.UpdateInProgress, StackStatus.UpdateCompleteCleanupInProgress,
        StackStatus.UpdateRollbackInProgress, StackStatus.UpdateRollbackCompleteCleanupInProgress,
    ];

    private static readonly StackStatus[] NotUpdatable =
    [
        StackStatus.RollbackInProgress, StackStatus.RollbackComplete, StackStatus.RollbackFailed,
        StackStatus.DeleteInProgress, StackStatus.DeleteFailed,
    ];

    public async Task<OperationResult> RunAsync(UpRequest request, CancellationToken cancellationToken)
    {
        if (!StackIds.IsValidName(request.StackName))
        {
            return OperationResult.Refused($"Stack name '{request.StackName}' is not valid: it must start with a letter and hold only letters, digits and hyphens (at most 128)");
        }
        await using var lease = await StackLeaseHolder.AcquireAsync(services, request.StackName, "up", cancellationToken).ConfigureAwait(false);
        var settings = new RunSettings
        {
            Abort = cancellationToken,
            Stop = request.Stop,
            DisableRollback = request.DisableRollback,
            Depth = request.Depth,
            MaxParallel = request.MaxParallel,
            ResourceTimeout = request.ResourceTimeout,
        };

        var existing = await services.Store.GetStackAsync(request.StackName, cancellationToken).ConfigureAwait(false);
        if (existing is not null && NotUpdatable.Contains(existing.Status))
        {
            // CloudFormation makes you delete a stack that never got created; Strata clears the remains itself.
            var cleared = await deleter.DeleteHeldAsync(existing, settings with { Stop = CancellationToken.None }, cancellationToken).ConfigureAwait(false);
            if (!cleared.Succeeded)
            {
                return cleared with { Messages = [$"Stack {request.StackName} is {existing.Status.ToCfn()} and its remains could not be deleted", .. cleared.Messages] };
            }
            existing = null;
        }
        if (existing?.Status == StackStatus.DeleteComplete)
        {
            existing = null;
        }

        var parameters = MergeParameters(existing?.Parameters, request.Parameters);
        var stackId = existing?.StackId ?? StackIds.New(services.Options.Region, services.Options.AccountId, request.StackName);
        var identity = new StackIdentity(request.StackName, stackId, services.Options.Region, services.Options.AccountId);
        var prepared = services.Definitions.Create(request.Template, parameters, identity);
        if (prepared.Definition is not { } definition)
        {
            return OperationResult.Refused([.. prepared.Errors]);
        }
        var unsupported = definition.Resources.Where(r => !services.Router.IsSupported(r.Type)).Select(r => $"{r.LogicalId}: resource type {r.Type} is not supported by the {services.Provider.Name} provider").ToList();
        if (unsupported.Count > 0)
        {
            return OperationResult.Refused([.. unsupported]);
        }

        var now = services.Time.GetUtcNow();
        var records = existing is null ? [] : await services.Store.GetResourcesAsync(existing.StackId, cancellationToken).ConfigureAwait(false);
        var exports = await OutputPublisher.LoadExportsAsync(services, cancellationToken).ConfigureAwait(false);
        if (await ExportConflictsAsync(definition, stackId, records, exports, cancellationToken).ConfigureAwait(false) is { Count: > 0 } conflicts)
        {
            return new OperationResult(OperationOutcome.Refused, existing, conflicts);
        }

        var stack = existing ?? new StackRecord
        {
            StackId = stackId,
            Name = request.StackName,
            Status = StackStatus.CreateInProgress,
            TemplateBody = request.Template.Body,
            TemplatePath = request.Template.Path,
            Parameters = parameters,
            Provider = services.Provider.Name,
            DisableRollback = request.DisableRollback,
            ExpiresAt = request.TimeToLive is { } ttl ? now + ttl : null,
            ParentStackId = request.ParentStackId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (existing is null)
        {
            await services.Store.InsertStackAsync(stack, Events.Stack(stack, StackStatus.CreateInProgress, Events.UserInitiated), cancellationToken).ConfigureAwait(false);
        }
        var run = new StackRun(services, stack, records, exports, settings);
        var creating = existing is null || existing.Status == StackStatus.CreateInProgress;

        if (existing is not null)
        {
            var resuming = existing.Status == StackStatus.CreateInProgress || InterruptedUpdate.Contains(existing.Status);
            var status = creating ? StackStatus.CreateInProgress : StackStatus.UpdateInProgress;
            if (resuming)
            {
                // Say so first, then finish the calls the dead process left open.
                await StartAsync(run, request, parameters, status, "Resuming the operation an interrupted strata process left in progress", resuming, cancellationToken).ConfigureAwait(false);
                await RecoverAsync(run, exports, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var recovered = await RecoverAsync(run, exports, cancellationToken).ConfigureAwait(false);
                if (!HasWork(run, definition, request, parameters, recovered))
                {
                    return new OperationResult(OperationOutcome.NoChanges, run.Stack, ["No changes: the stack already matches the template"]);
                }
                await StartAsync(run, request, parameters, status, Events.UserInitiated, resuming, cancellationToken).ConfigureAwait(false);
            }
        }

        var walk = await Walks.ApplyAsync(run, definition, ApplyMode.Forward, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        NoteUnexpectedErrors(run, walk, definition);
        var failure = run.Failures.First ?? StopCause(walk, request);
        if (failure is null)
        {
            failure = await OutputPublisher.PublishAsync(run, definition, cancellationToken).ConfigureAwait(false);
        }
        if (failure is null)
        {
            return await CompleteAsync(run, definition, creating, cancellationToken).ConfigureAwait(false);
        }
        var outcome = new UpFailure(services);
        return await outcome.HandleAsync(run, failure, creating, request.DisableRollback, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> RecoverAsync(StackRun run, IReadOnlyDictionary<string, string> exports, CancellationToken cancellationToken)
    {
        var recovered = await JournalRecovery.RecoverAsync(run, cancellationToken).ConfigureAwait(false);
        run.ResetFailures();
        run.ResetLiveState(exports);
        return recovered;
    }

    private Task StartAsync(StackRun run, UpRequest request, IReadOnlyDictionary<string, string> parameters, StackStatus status, string reason, bool resuming, CancellationToken cancellationToken) =>
        run.UpdateStackAsync(s => s with
        {
            Status = status,
            StatusReason = reason,
            // The rollback target of an update is the template before it; a resumed update keeps the one it had.
            PreviousTemplateBody = resuming ? s.PreviousTemplateBody : s.TemplateBody,
            PreviousTemplatePath = resuming ? s.PreviousTemplatePath : s.TemplatePath,
            PreviousParameters = resuming ? s.PreviousParameters : s.Parameters,
            TemplateBody = request.Template.Body,
            TemplatePath = request.Template.Path,
            Parameters = parameters,
            DisableRollback = request.DisableRollback,
            ExpiresAt = request.TimeToLive is { } t ? services.Time.GetUtcNow() + t : s.ExpiresAt,
            RootCause = null,
        }, status, reason, cancellationToken);

    private async Task<OperationResult> CompleteAsync(StackRun run, IStackDefinition definition, bool creating, CancellationToken cancellationToken)
    {
        var leaving = LeavingRecords(run, definition);
        if (creating)
        {
            await Walks.DeleteAsync(run, leaving, DeletePurpose.UpdateCleanup, cancellationToken).ConfigureAwait(false);
            await run.SetStatusAsync(StackStatus.CreateComplete, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await run.SetStatusAsync(StackStatus.UpdateCompleteCleanupInProgress, null, cancellationToken).ConfigureAwait(false);
            // Cleanup failures do not fail the update (CloudFormation: DELETE_FAILED resources, UPDATE_COMPLETE stack).
            await Walks.DeleteAsync(run, leaving, DeletePurpose.UpdateCleanup, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            await run.UpdateStackAsync(s => s with { Status = StackStatus.UpdateComplete, StatusReason = null, PreviousTemplateBody = null, PreviousTemplatePath = null, PreviousParameters = null },
                StackStatus.UpdateComplete, null, cancellationToken).ConfigureAwait(false);
        }
        return new OperationResult(OperationOutcome.Succeeded, run.Stack, []);
    }

    /// <summary>Records the definition does not keep: removed resources and the old halves of replacements.</summary>
    internal static List<ResourceRecord> LeavingRecords(StackRun run, IStackDefinition definition)
    {
        var kept = definition.Resources.Select(r => r.LogicalId).ToHashSet(StringComparer.Ordinal);
        return run.Records.All.Where(r => r.Status.Exists() && (!r.IsCurrent || !kept.Contains(r.LogicalId))).ToList();
    }

    private bool HasWork(StackRun run, IStackDefinition definition, UpRequest request, IReadOnlyDictionary<string, string> parameters, int recovered)
    {
        var stack = run.Stack;
        if (recovered > 0 || stack.Status.IsFailure() || stack.Status == StackStatus.CreateFailed)
        {
            return true;
        }
        var plan = new Planner(services.Rules).CreatePlan(stack.Name, stack, run.Records.All, definition, run.Live);
        if (plan.HasChanges)
        {
            return true;
        }
        var outputs = definition.ResolveOutputs(run.Live);
        var sameOutputs = outputs.Count == stack.Outputs.Count && outputs.All(o => stack.Outputs.Any(s => s.Key == o.Key && s.Value == o.Value && s.ExportName == o.ExportName));
        var sameParameters = parameters.Count == stack.Parameters.Count && parameters.All(p => stack.Parameters.TryGetValue(p.Key, out var v) && v == p.Value);
        return !sameOutputs || !sameParameters || request.Template.Body != stack.TemplateBody || request.TimeToLive is not null;
    }

    /// <summary>Export names another stack already owns, checked before anything is created.</summary>
    private async Task<List<string>> ExportConflictsAsync(IStackDefinition definition, string stackId, IReadOnlyList<ResourceRecord> records, IReadOnlyDictionary<string, string> exports, CancellationToken cancellationToken)
    {
        var conflicts = new List<string>();
        var state = new LiveState(records, exports, services.Router.ReferenceOf);
        foreach (var output in definition.ResolveOutputs(state).Where(o => o.ExportName is not null))
        {
            var owner = await services.Store.GetExportAsync(services.ExportScope, output.ExportName!, cancellationToken).ConfigureAwait(false);
            if (owner is not null && owner.StackId != stackId)
            {
                var ownerStack = await services.Store.GetStackByIdAsync(owner.StackId, cancellationToken).ConfigureAwait(false);
                conflicts.Add($"Export with name {output.ExportName} is already exported by stack {ownerStack?.Name ?? owner.StackId}");
            }
        }
        return conflicts;
    }

    private static IReadOnlyDictionary<string, string> MergeParameters(IReadOnlyDictionary<string, string>? previous, IReadOnlyDictionary<string, string> given)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in previous ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }
        foreach (var (key, value) in given)
        {
            merged[key] = value;
        }
        return merged;
    }

    /// <summary>A visit that threw (a bug, or the store failing) is a failure with a root cause, not a silent skip.</summary>
    private static void NoteUnexpectedErrors(StackRun run, WalkResult<string> walk, IStackDefinition definition)
    {
        foreach (var (logicalId, error) in walk.Errors)
        {
            if (error is OperationCanceledException)
            {
                continue;
            }
            var type = definition.Resources.First(r => r.LogicalId == logicalId).Type;
            run.Failures.Record(logicalId, new RootCause(logicalId, type, "InternalFailure", error.Message));
        }
    }

    private static RootCause? StopCause(WalkResult<string> walk, UpRequest request) =>
        walk.AllSucceeded ? null
        : request.Stop.IsCancellationRequested ? new RootCause(request.StackName, Events.StackType, "Cancelled", "The operation was cancelled by the user")
        : new RootCause(request.StackName, Events.StackType, "InternalFailure", "Some resources were not applied: " + string.Join(", ", walk.Outcomes.Where(o => o.Value != NodeOutcome.Succeeded).Select(o => o.Key)));
}
