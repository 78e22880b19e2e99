using System.Text.Json.Nodes;

namespace Strata.Engine.Providers;

/// <summary>
/// What a provider says about an operation: done, failed, or still going (then poll with
/// <see cref="RequestToken"/> after <see cref="RetryAfter"/>). Mirrors the handler contract's ProgressEvent.
/// </summary>
public sealed record ProgressEvent
{
    public required OperationStatus Status { get; init; }

    /// <summary>The resource's model: desired properties plus read-only attributes (ids, ARNs, DNS names).</summary>
    public JsonObject? ResourceModel { get; init; }

    /// <summary>The primary identifier of the resource (what <c>Ref</c> returns for most types).</summary>
    public string? PhysicalId { get; init; }

    public HandlerErrorCode? ErrorCode { get; init; }

    public string? Message { get; init; }

    /// <summary>How long to wait before polling again or retrying (throttling).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Identifies a long operation to poll with <see cref="IResourceProvider.GetStatusAsync"/>.</summary>
    public string? RequestToken { get; init; }

    public static ProgressEvent Succeeded(string? physicalId, JsonObject? model) =>
        new() { Status = OperationStatus.Success, PhysicalId = physicalId, ResourceModel = model };

    public static ProgressEvent InProgress(string requestToken, TimeSpan retryAfter, string? physicalId = null) =>
        new() { Status = OperationStatus.InProgress, RequestToken = requestToken, RetryAfter = retryAfter, PhysicalId = physicalId };

    public static ProgressEvent Failure(HandlerErrorCode code, string message, TimeSpan? retryAfter = null) =>
        new() { Status = OperationStatus.Failed, ErrorCode = code, Message = message, RetryAfter = retryAfter };
}
