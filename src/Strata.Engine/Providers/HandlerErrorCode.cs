namespace Strata.Engine.Providers;

/// <summary>
/// Why a provider operation failed: the CloudFormation resource handler error codes, so that the AWS
/// provider passes Cloud Control's codes through unchanged and the sandbox injects the same ones.
/// </summary>
public enum HandlerErrorCode
{
    NotUpdatable,
    InvalidRequest,
    AccessDenied,
    InvalidCredentials,
    AlreadyExists,
    NotFound,
    ResourceConflict,
    Throttling,
    ServiceLimitExceeded,
    NotStabilized,
    GeneralServiceException,
    ServiceInternalError,
    NetworkFailure,
    InternalFailure,
    InvalidTypeConfiguration,
    HandlerInternalFailure,
    NonCompliant,
    UnsupportedTarget,
    Unknown,
}

public static class HandlerErrorCodes
{
    /// <summary>Codes worth retrying after a pause (the engine backs off, honouring RetryAfter).</summary>
    public static bool IsRetryable(this HandlerErrorCode code) =>
        code is HandlerErrorCode.Throttling or HandlerErrorCode.NetworkFailure or HandlerErrorCode.ServiceInternalError;
}
