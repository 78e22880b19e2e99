namespace Strata.Providers.Aws.Protocol;

/// <summary>An AWS service answered with an error.</summary>
public sealed class AwsServiceException : AwsException
{
    public AwsServiceException(string service, string operation, string code, string errorMessage, int httpStatus,
        string? requestId, string? credentialsNote = null, Exception? inner = null)
        : base(Format(service, operation, code, errorMessage, httpStatus, requestId, credentialsNote), inner)
    {
        Service = service;
        Operation = operation;
        Code = code;
        ErrorMessage = errorMessage;
        HttpStatus = httpStatus;
        RequestId = requestId;
    }

    /// <summary>The SDK service id, e.g. "CloudFormation".</summary>
    public string Service { get; }

    public string Operation { get; }

    /// <summary>AWS's error code, e.g. "ValidationError", "ThrottlingException", "NotFound".</summary>
    public string Code { get; }

    /// <summary>AWS's own message, unchanged (what a user should see as the provider's message).</summary>
    public string ErrorMessage { get; }

    public int HttpStatus { get; }

    public string? RequestId { get; }

    /// <summary>Codes with which AWS says the credentials themselves are wrong (not merely lacking permission).</summary>
    public static bool IsCredentialsError(string code) => code is
        "InvalidClientTokenId" or "SignatureDoesNotMatch" or "UnrecognizedClientException" or "AuthFailure" or
        "InvalidAccessKeyId" or "ExpiredToken" or "ExpiredTokenException" or "InvalidToken" or "IncompleteSignature" or
        "MissingAuthenticationToken";

    public bool IsCredentialsRejection => IsCredentialsError(Code);

    private static string Format(string service, string operation, string code, string errorMessage, int httpStatus,
        string? requestId, string? credentialsNote)
    {
        var text = $"{service} {operation} failed: {code}: {errorMessage} (HTTP {httpStatus}";
        if (!string.IsNullOrEmpty(requestId)) text += $", request id {requestId}";
        text += ")";
        if (credentialsNote is not null) text += $". Credentials used: {credentialsNote}.";
        return text;
    }
}

/// <summary>The service could not be reached (connection refused, DNS, time-outs) even after the retries.</summary>
public sealed class AwsEndpointUnreachableException(string service, string operation, Uri endpoint, string endpointSource,
    int attempts, Exception inner)
    : AwsException(
        $"Could not reach {service} at {endpoint} (endpoint from {endpointSource}) for {operation} after {attempts} " +
        $"attempt{(attempts == 1 ? "" : "s")}: {Describe(inner)}", inner)
{
    public string Service { get; } = service;
    public string Operation { get; } = operation;
    public Uri Endpoint { get; } = endpoint;
    public int Attempts { get; } = attempts;

    private static string Describe(Exception e) => e switch
    {
        TimeoutException => e.Message,
        HttpRequestException { InnerException: { } inner } => inner.Message,
        _ => e.Message,
    };
}

/// <summary>A response that does not have the shape the protocol promises (e.g. not XML where XML was due).</summary>
public sealed class AwsProtocolException(string message, Exception? inner = null) : AwsException(message, inner);
