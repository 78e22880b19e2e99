using System.Text.Json.Nodes;
using Strata.Engine.Execution;
using Strata.Engine.Providers;
using Strata.Engine.Signals;
using Strata.Engine.State;

namespace Strata.Engine.Native;

/// <summary>
/// Custom resources (<c>Custom::*</c>, <c>AWS::CloudFormation::CustomResource</c>) when the provider does not run them
/// itself (the sandbox simulates them; AWS does not take them through Cloud Control): the engine plays CloudFormation's
/// part. It sends the request to the function or topic in <c>ServiceToken</c> through the transport, with a signed
/// <c>ResponseURL</c> on the signal endpoint, and waits for the handler's PUT there — at most <c>ServiceTimeout</c>
/// seconds (CloudFormation's default and maximum: one hour). <c>Ref</c> is the <c>PhysicalResourceId</c> the handler
/// returned; <c>Fn::GetAtt</c> reads its <c>Data</c>.
/// <para>
/// The request id is the journaled call's client token, so a call resumed after a crash waits for the same response
/// (and is not sent again when the response already came). An update whose handler returns a new physical id replaced
/// the resource: as CloudFormation does, the old one is then sent a Delete, whose failure does not fail the update.
/// </para>
/// </summary>
internal sealed class CustomResourceHandler(ICustomResourceTransport? transport) : IResourceHandler
{
    public const string GenericTypeName = "AWS::CloudFormation::CustomResource";

    /// <summary>CloudFormation's default and largest ServiceTimeout.</summary>
    public const int MaxTimeoutSeconds = 3600;

    private readonly WaitStarts _starts = new();

    public bool HasOwnTimeout => true;

    public static bool IsCustomType(string type) =>
        type.StartsWith("Custom::", StringComparison.Ordinal) || type == GenericTypeName;

    public async Task<HandlerResult> ExecuteAsync(ProviderAction action, ResourceRequest request, CallContext context, CancellationToken cancellationToken)
    {
        // A delete's request carries the properties as recorded (DeleteStep), so every action reads them from DesiredState.
        var properties = request.DesiredState;
        var serviceToken = NativeProperty.Text(properties["ServiceToken"]);
        if (string.IsNullOrEmpty(serviceToken))
        {
            return Fail(HandlerErrorCode.InvalidRequest, "ServiceToken is required: the ARN of the Lambda function or SNS topic that handles this custom resource");
        }
        if (transport is null)
        {
            return Fail(HandlerErrorCode.InvalidRequest, $"Custom resources cannot be delivered with the {context.Run.Services.Provider.Name} provider (ServiceToken {serviceToken})");
        }
        if (transport.Refuse(serviceToken) is { } refusal)
        {
            return Fail(HandlerErrorCode.InvalidRequest, $"ServiceToken {serviceToken}: {refusal}");
        }
        if (!TryReadTimeout(properties, out var timeout, out var timeoutProblem))
        {
            return Fail(HandlerErrorCode.InvalidRequest, timeoutProblem);
        }

        switch (action)
        {
            case ProviderAction.Create:
            {
                var (response, failure) = await ExchangeAsync(context, request, "Create", request.ClientToken, serviceToken, properties, null, null, timeout, cancellationToken).ConfigureAwait(false);
                return failure ?? Succeeded(response!, request);
            }
            case ProviderAction.Update:
            {
                var (response, failure) = await ExchangeAsync(context, request, "Update", request.ClientToken, serviceToken, properties,
                    request.PhysicalId, request.PreviousState ?? [], timeout, cancellationToken).ConfigureAwait(false);
                if (failure is not null)
                {
                    return failure;
                }
                var result = Succeeded(response!, request);
                if (result.Event.PhysicalId != request.PhysicalId && request.PhysicalId is not null)
                {
                    // A new physical id means the handler replaced the resource: the old one goes, as in CloudFormation's cleanup.
                    await ExchangeAsync(context, request, "Delete", request.ClientToken + "-cleanup", serviceToken, request.PreviousState ?? properties,
                        request.PhysicalId, null, timeout, cancellationToken).ConfigureAwait(false);
                }
                return result;
            }
            case ProviderAction.Delete:
            {
                if (request.PhysicalId is null)
                {
                    // The create never got a response: there is nothing the handler made to delete.
                    return new HandlerResult(ProgressEvent.Succeeded(null, null));
                }
                var (_, failure) = await ExchangeAsync(context, request, "Delete", request.ClientToken, serviceToken, properties,
                    request.PhysicalId, null, timeout, cancellationToken).ConfigureAwait(false);
                return failure ?? new HandlerResult(ProgressEvent.Succeeded(request.PhysicalId, null));
            }
            default:
                return new HandlerResult(ProgressEvent.Succeeded(request.PhysicalId, null));
        }
    }

    /// <summary>Sends one request (unless its response is already in) and waits for the response.</summary>
    private async Task<(CustomResourceResponse? Response, HandlerResult? Failure)> ExchangeAsync(
        CallContext context, ResourceRequest request, string requestType, string requestId, string serviceToken,
        JsonObject properties, string? physicalId, JsonObject? oldProperties, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var signals = run.Services.Signals;
        var key = SignalUrls.HandleKey(run.Stack.StackId, request.LogicalId);
        var answered = (await run.Store.GetSignalsAsync(key, cancellationToken).ConfigureAwait(false)).Any(s => s.UniqueId == requestId);
        if (!answered)
        {
            var responseUrl = signals.Urls.Create(run.Services.Options.SignalBaseUrl, key, run.Services.Time.GetUtcNow());
            var body = CustomResourceRequest.Build(requestType, responseUrl, run.Stack.StackId, requestId, request, serviceToken, properties, physicalId, oldProperties);
            try
            {
                await transport!.DeliverAsync(serviceToken, body, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return (null, Fail(HandlerErrorCode.GeneralServiceException, $"The {requestType} request could not be sent to {serviceToken}: {exception.Message}"));
            }
        }

        // The timeout counts from the call's journaled start, so a resumed wait keeps its deadline.
        var started = await _starts.StartOfAsync(run, request, cancellationToken).ConfigureAwait(false);
        var (received, _) = await signals.WaitAsync(
            key, all => all.Any(s => s.UniqueId == requestId), started + timeout, run.Services.Options.SignalPollInterval, cancellationToken).ConfigureAwait(false);
        var signal = received.FirstOrDefault(s => s.UniqueId == requestId);
        if (signal is null)
        {
            return (null, Fail(HandlerErrorCode.NotStabilized,
                $"CloudFormation did not receive a response from your Custom Resource within {timeout.TotalSeconds:0} seconds. Check the logs of {serviceToken} for requestId [{requestId}]"));
        }
        if (CustomResourceResponse.TryRead(signal.Data, out var problem) is not { } response)
        {
            return (null, Fail(HandlerErrorCode.InvalidRequest, $"Invalid response from the custom resource for requestId [{requestId}]: {problem}"));
        }
        if (!response.Succeeded)
        {
            return (null, Fail(HandlerErrorCode.GeneralServiceException, $"Received response status [FAILED] from custom resource. Message returned: {response.Reason ?? "(none)"}"));
        }
        return (response, null);
    }

    private static HandlerResult Succeeded(CustomResourceResponse response, ResourceRequest request)
    {
        // CloudFormation requires a PhysicalResourceId; an update that omits it keeps the resource it had.
        var physicalId = response.PhysicalResourceId ?? request.PhysicalId;
        if (string.IsNullOrEmpty(physicalId))
        {
            return Fail(HandlerErrorCode.InvalidRequest, "Invalid PhysicalResourceId: the custom resource's response has none");
        }
        return new HandlerResult(ProgressEvent.Succeeded(physicalId, response.Data));
    }

    private static bool TryReadTimeout(JsonObject properties, out TimeSpan timeout, out string problem)
    {
        timeout = TimeSpan.FromSeconds(MaxTimeoutSeconds);
        problem = "";
        if (properties["ServiceTimeout"] is not { } node)
        {
            return true;
        }
        if (!NativeProperty.TryReadInt(node, 1, MaxTimeoutSeconds, out var seconds))
        {
            problem = $"ServiceTimeout must be a number of seconds from 1 to {MaxTimeoutSeconds}";
            return false;
        }
        timeout = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static HandlerResult Fail(HandlerErrorCode code, string message) => new(ProgressEvent.Failure(code, message));

}
