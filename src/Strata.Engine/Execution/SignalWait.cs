using System.Text.Json.Nodes;
using Strata.Engine.Definition;
using Strata.Engine.Model;
using Strata.Engine.Providers;
using Strata.Engine.Signals;
using Strata.Engine.State;

namespace Strata.Engine.Execution;

/// <summary>Waits for the signals a resource's <c>CreationPolicy: ResourceSignal</c> asks for.</summary>
internal static class SignalWait
{
    public static async Task<bool> AwaitCreationSignalsAsync(StackRun run, string logicalId, SignalPolicy policy, CancellationToken cancellationToken)
    {
        var key = SignalUrls.HandleKey(run.Stack.StackId, logicalId);
        // The wait began when the create finished and the record was saved waiting for signals: its UpdatedAt is that
        // moment, in the store, so the deadline does not depend on when this call happens (a wait taken up again from
        // the stored record after a restart keeps it instead of getting a fresh Timeout).
        var started = WaitingRecord(run, logicalId).UpdatedAt;
        var (signals, timedOut) = await run.Services.Signals.WaitAsync(
            key, s => IsDecided(s, policy.Count), started + policy.Timeout, run.Services.Options.SignalPollInterval, cancellationToken).ConfigureAwait(false);
        var record = WaitingRecord(run, logicalId);
        var creating = record.Status == ResourceStatus.CreateInProgress;
        var failure = signals.FirstOrDefault(s => !s.IsSuccess);
        string? problem = failure is not null
            ? $"Received FAILURE signal with UniqueId {failure.UniqueId}" + (failure.Reason is { Length: > 0 } r ? ": " + r : "")
            : timedOut ? $"Failed to receive {policy.Count} resource signal(s) within the specified duration" : null;

        ResourceRecord final;
        if (problem is null)
        {
            var model = record.Model?.ToObject() ?? new JsonObject();
            model["Data"] = DataDocument(signals);
            final = record with { Status = creating ? ResourceStatus.CreateComplete : ResourceStatus.UpdateComplete, StatusReason = null, Model = StoredJson.From(model) };
        }
        else
        {
            final = record with { Status = creating ? ResourceStatus.CreateFailed : ResourceStatus.UpdateFailed, StatusReason = problem };
        }
        final = final with { UpdatedAt = run.Services.Time.GetUtcNow() };
        await run.Store.SaveResourceAsync(final, run.Stack.Name, Events.Resource(final, final.Status, problem), cancellationToken).ConfigureAwait(false);
        run.Records.Save(final);
        if (problem is not null)
        {
            var code = failure is not null ? HandlerErrorCode.GeneralServiceException : HandlerErrorCode.NotStabilized;
            run.Failures.Record(logicalId, new RootCause(logicalId, record.Type, code.ToString(), problem));
            return false;
        }
        if (final.IsCurrent && final.PhysicalId is not null)
        {
            run.Live.Set(final);
        }
        return true;
    }

    /// <summary>The record waiting for the signals: the current one, or (a replacement not yet current) the newest.</summary>
    private static ResourceRecord WaitingRecord(StackRun run, string logicalId) =>
        run.Records.Current(logicalId) ?? run.Records.All.Where(r => r.LogicalId == logicalId).OrderByDescending(r => r.UpdatedAt).First();

    /// <summary>Enough successes, or any failure, settles a wait.</summary>
    public static bool IsDecided(IReadOnlyList<WaitSignal> signals, int count) =>
        signals.Any(s => !s.IsSuccess) || signals.Count(s => s.IsSuccess) >= count;

    /// <summary>What <c>Fn::GetAtt X.Data</c> returns: a JSON object of UniqueId to Data, as a string (CloudFormation's format).</summary>
    public static string DataDocument(IEnumerable<WaitSignal> signals)
    {
        var data = new JsonObject();
        foreach (var signal in signals.Where(s => s.IsSuccess))
        {
            data[signal.UniqueId] = signal.Data ?? "";
        }
        return data.ToJsonString();
    }
}
