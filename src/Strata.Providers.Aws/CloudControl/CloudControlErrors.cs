using Strata.Engine.Providers;
using Strata.Providers.Aws.Configuration;
using Strata.Providers.Aws.Credentials;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.CloudControl;

/// <summary>
/// Translates Cloud Control's failures into the engine's handler error codes: the <c>ErrorCode</c> of a FAILED
/// progress event (already a handler code), and the exceptions of a refused API call.
/// </summary>
public static class CloudControlErrors
{
    /// <summary>
    /// The handler code for a progress event's ErrorCode. Codes the engine's contract lacks are mapped to the nearest
    /// one and reported in <paramref name="unmappedCode"/> so the message can keep AWS's own word.
    /// </summary>
    public static HandlerErrorCode FromProgressCode(string? code, out string? unmappedCode)
    {
        unmappedCode = null;
        if (string.IsNullOrEmpty(code)) return HandlerErrorCode.GeneralServiceException;
        if (Enum.TryParse<HandlerErrorCode>(code, ignoreCase: false, out var known) && Enum.IsDefined(known) && code != nameof(HandlerErrorCode.Unknown))
            return known;
        unmappedCode = code;
        return code switch
        {
            "UnauthorizedTaggingOperation" => HandlerErrorCode.AccessDenied,
            // The handler gave up waiting on the downstream service; retrying blindly could create a second resource.
            "ServiceTimeout" => HandlerErrorCode.NotStabilized,
            _ => HandlerErrorCode.Unknown,
        };
    }

    /// <summary>The handler code for an API error (e.g. <c>AlreadyExistsException</c> from CreateResource).</summary>
    public static HandlerErrorCode FromServiceError(AwsServiceException error) => error.Code switch
    {
        "AlreadyExistsException" => HandlerErrorCode.AlreadyExists,
        "ResourceNotFoundException" or "RequestTokenNotFoundException" => HandlerErrorCode.NotFound,
        "NotUpdatableException" => HandlerErrorCode.NotUpdatable,
        "NotStabilizedException" => HandlerErrorCode.NotStabilized,
        "ResourceConflictException" or "ConcurrentOperationException" or "ConcurrentModificationException" => HandlerErrorCode.ResourceConflict,
        "ServiceLimitExceededException" => HandlerErrorCode.ServiceLimitExceeded,
        "NetworkFailureException" => HandlerErrorCode.NetworkFailure,
        "ServiceInternalErrorException" => HandlerErrorCode.ServiceInternalError,
        "HandlerInternalFailureException" => HandlerErrorCode.HandlerInternalFailure,
        "GeneralServiceException" or "HandlerFailureException" => HandlerErrorCode.GeneralServiceException,
        "InvalidCredentialsException" => HandlerErrorCode.InvalidCredentials,
        "AccessDeniedException" or "AccessDenied" or "UnauthorizedOperation" => HandlerErrorCode.AccessDenied,
        // A token reused with other parameters, an unknown or private type, an action the type lacks: the request
        // itself is wrong and the same request will fail again.
        "InvalidRequestException" or "ValidationException" or "ClientTokenConflictException" or "TypeNotFoundException"
            or "PrivateTypeException" or "UnsupportedActionException" => HandlerErrorCode.InvalidRequest,
        var code when RetryClassifier.IsThrottling(code) => HandlerErrorCode.Throttling,
        var code when AwsServiceException.IsCredentialsError(code) => HandlerErrorCode.InvalidCredentials,
        _ when error.HttpStatus >= 500 => HandlerErrorCode.ServiceInternalError,
        _ => HandlerErrorCode.GeneralServiceException,
    };

    /// <summary>
    /// A failed progress event for anything the client layer raised; the message is the exception's own, which names
    /// the operation, AWS's code and request id, and never a secret.
    /// </summary>
    public static ProgressEvent ToFailure(AwsException error) => ProgressEvent.Failure(error switch
    {
        AwsServiceException service => FromServiceError(service),
        AwsEndpointUnreachableException => HandlerErrorCode.NetworkFailure,
        AwsCredentialsException => HandlerErrorCode.InvalidCredentials,
        AwsConfigurationException => HandlerErrorCode.InvalidRequest,
        _ => HandlerErrorCode.InternalFailure,
    }, error.Message);
}
