using System.Text.Json.Nodes;
using Strata.Engine.Execution;
using Strata.Engine.Providers;
using Strata.Engine.State;
using Strata.Engine.Signals;

namespace Strata.Engine.Native;

/// <summary>
/// <c>AWS::CloudFormation::WaitCondition</c> with a Handle: waits for Count SUCCESS signals on the handle's URL
/// within Timeout seconds; a FAILURE signal or the timeout fails it. <c>Fn::GetAtt X.Data</c> is the JSON of
/// UniqueId to Data. With a CreationPolicy instead of a Handle the engine's generic signal wait does the work.
/// </summary>
internal sealed class WaitConditionHandler : IResourceHandler
{
    public const string TypeName = "AWS::CloudFormation::WaitCondition";

    /// <summary>CloudFormation's maximum: 12 hours.</summary>
    private const int MaxTimeoutSeconds = 43200;

    private readonly WaitStarts _starts = new();

    public bool HasOwnTimeout => true;

    public async Task<HandlerResult> ExecuteAsync(ProviderAction action, ResourceRequest request, CallContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var physicalId = request.PhysicalId ?? $"{run.Stack.StackId}/{request.LogicalId}";
        if (action != ProviderAction.Create || request.DesiredState["Handle"] is null)
        {
            // Updates change nothing (CloudFormation does not re-wait); deletes have nothing to delete.
            return new HandlerResult(ProgressEvent.Succeeded(physicalId, action == ProviderAction.Delete ? null : new JsonObject { ["Data"] = "{}" }));
        }

        var handle = NativeProperty.Text(request.DesiredState["Handle"]) ?? "";
        if (!SignalUrls.TryReadHandleKey(handle, out var key))
        {
            return Fail(HandlerErrorCode.InvalidRequest, $"Handle '{handle}' is not a WaitConditionHandle URL (use Ref to an AWS::CloudFormation::WaitConditionHandle)");
        }
        if (!NativeProperty.TryReadInt(request.DesiredState["Timeout"], 1, MaxTimeoutSeconds, out var seconds))
        {
            return Fail(HandlerErrorCode.InvalidRequest, $"Timeout must be a number of seconds from 1 to {MaxTimeoutSeconds}");
        }
        var count = 1;
        if (request.DesiredState["Count"] is { } countNode && !NativeProperty.TryReadInt(countNode, 1, int.MaxValue, out count))
        {
            return Fail(HandlerErrorCode.InvalidRequest, "Count must be a positive number");
        }

        // Timeout counts from when the wait first started, so a resumed wait keeps its deadline (see WaitStarts).
        var started = await _starts.StartOfAsync(run, request, cancellationToken).ConfigureAwait(false);
        var (signals, timedOut) = await run.Services.Signals.WaitAsync(
            key, s => SignalWait.IsDecided(s, count), started + TimeSpan.FromSeconds(seconds), run.Services.Options.SignalPollInterval, cancellationToken).ConfigureAwait(false);
        if (signals.FirstOrDefault(s => !s.IsSuccess) is { } failure)
        {
            return Fail(HandlerErrorCode.GeneralServiceException, $"WaitCondition received failed message: '{failure.Reason}' for uniqueId: {failure.UniqueId}");
        }
        if (timedOut)
        {
            var received = signals.Count(s => s.IsSuccess);
            return Fail(HandlerErrorCode.NotStabilized, $"WaitCondition timed out. Received {received} conditions when expecting {count}");
        }
        return new HandlerResult(ProgressEvent.Succeeded(physicalId, new JsonObject { ["Data"] = SignalWait.DataDocument(signals) }));
    }

    private static HandlerResult Fail(HandlerErrorCode code, string message) => new(ProgressEvent.Failure(code, message));

}
