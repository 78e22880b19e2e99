using Strata.Engine.Execution;
using Strata.Engine.Providers;
using Strata.Engine.Signals;
using Strata.Engine.State;

namespace Strata.Engine.Native;

/// <summary><c>AWS::CloudFormation::WaitConditionHandle</c>: its physical id (and Ref) is a presigned URL that accepts cfn-signal's PUT.</summary>
internal sealed class WaitConditionHandleHandler : IResourceHandler
{
    public const string TypeName = "AWS::CloudFormation::WaitConditionHandle";

    public bool HasOwnTimeout => true;

    public async Task<HandlerResult> ExecuteAsync(ProviderAction action, ResourceRequest request, CallContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var key = SignalUrls.HandleKey(run.Stack.StackId, request.LogicalId);
        switch (action)
        {
            case ProviderAction.Create:
                var url = run.Services.Signals.Urls.Create(run.Services.Options.SignalBaseUrl, key, run.Services.Time.GetUtcNow());
                return new HandlerResult(ProgressEvent.Succeeded(url, []));
            case ProviderAction.Update:
                return new HandlerResult(ProgressEvent.Succeeded(request.PhysicalId, []));
            default:
                await run.Store.ClearSignalsAsync(key, cancellationToken).ConfigureAwait(false);
                return new HandlerResult(ProgressEvent.Succeeded(request.PhysicalId, null));
        }
    }
}
