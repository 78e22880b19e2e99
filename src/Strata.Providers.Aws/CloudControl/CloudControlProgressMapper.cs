using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Engine.Providers;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.CloudControl;

/// <summary>
/// Turns Cloud Control's progress events into the engine's: PENDING / IN_PROGRESS / CANCEL_IN_PROGRESS are still
/// going, SUCCESS succeeded, FAILED / CANCEL_COMPLETE failed; RetryAfter (an absolute time) becomes a wait measured
/// on the injected clock; the identifier becomes the physical id — except where it could name a resource Strata
/// did not create (see <see cref="Map"/>).
/// </summary>
public sealed class CloudControlProgressMapper(TimeProvider time)
{
    /// <param name="templateNamedIdentifier">
    /// For a create: the identifier the desired state itself names (a user-chosen name), or null when AWS generates
    /// it. Such an identifier is only reported once the create succeeded or evidently built something
    /// (NotStabilized): a create that fails with AlreadyExists carries the name of somebody else's resource, and
    /// the engine deletes whatever physical id a failed create reports when it rolls back.
    /// </param>
    public ProgressEvent Map(CloudControlProgressEvent e, string? templateNamedIdentifier = null)
    {
        var retryAfter = e.RetryAfter is { } at ? Max(at - time.GetUtcNow(), TimeSpan.Zero) : (TimeSpan?)null;
        switch (e.OperationStatus)
        {
            case CloudControlOperationStatus.Pending or CloudControlOperationStatus.InProgress or CloudControlOperationStatus.CancelInProgress:
                if (string.IsNullOrEmpty(e.RequestToken))
                    throw new AwsProtocolException($"Cloud Control reported {e.OperationStatus} for {e.TypeName} without a request token to follow.");
                return new ProgressEvent
                {
                    Status = OperationStatus.InProgress,
                    RequestToken = e.RequestToken,
                    RetryAfter = retryAfter,
                    PhysicalId = IsNamedCreate(e, templateNamedIdentifier) ? null : e.Identifier,
                    ResourceModel = ParseModel(e),
                    Message = e.StatusMessage,
                };
            case CloudControlOperationStatus.Success:
                return new ProgressEvent
                {
                    Status = OperationStatus.Success,
                    PhysicalId = e.Identifier,
                    ResourceModel = e.Operation == CloudControlOperation.Delete ? null : ParseModel(e),
                    Message = e.StatusMessage,
                    RequestToken = e.RequestToken,
                };
            case CloudControlOperationStatus.CancelComplete:
                return ProgressEvent.Failure(HandlerErrorCode.GeneralServiceException,
                    $"The Cloud Control request {e.RequestToken} ({Describe(e)}) was cancelled before it completed.") with
                {
                    PhysicalId = IsNamedCreate(e, templateNamedIdentifier) ? null : e.Identifier,
                    RequestToken = e.RequestToken,
                };
            default:
                var code = CloudControlErrors.FromProgressCode(e.ErrorCode, out var unmapped);
                var message = e.StatusMessage is { Length: > 0 } text ? text : $"Cloud Control {Describe(e)} failed";
                if (unmapped is not null) message = $"{unmapped}: {message}";
                var keepIdentifier = !IsNamedCreate(e, templateNamedIdentifier) || code == HandlerErrorCode.NotStabilized;
                return ProgressEvent.Failure(code, message, retryAfter) with
                {
                    PhysicalId = keepIdentifier ? e.Identifier : null,
                    RequestToken = e.RequestToken,
                    ResourceModel = ParseModel(e),
                };
        }
    }

    /// <summary>The resource model of an event, parsed; null when it has none.</summary>
    public static JsonObject? ParseModel(CloudControlProgressEvent e) => ParseProperties(e.ResourceModel, $"the {e.TypeName} resource model");

    /// <summary>Cloud Control sends properties as a JSON string; this reads it as an object.</summary>
    public static JsonObject? ParseProperties(string? json, string what)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new AwsProtocolException($"Cloud Control returned {what} that is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new AwsProtocolException($"Cloud Control returned {what} that is not valid JSON: {ex.Message}", ex);
        }
    }

    private static bool IsNamedCreate(CloudControlProgressEvent e, string? templateNamedIdentifier) =>
        e.Operation is CloudControlOperation.Create or null && templateNamedIdentifier is not null && e.Identifier == templateNamedIdentifier;

    private static string Describe(CloudControlProgressEvent e) =>
        $"{e.Operation?.ToString().ToUpperInvariant() ?? "operation"} of {e.TypeName ?? "a resource"}{(e.Identifier is null ? "" : $" '{e.Identifier}'")}";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
