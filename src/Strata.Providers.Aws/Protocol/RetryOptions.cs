namespace Strata.Providers.Aws.Protocol;

/// <summary>
/// Bounded retries with exponential back-off and full jitter (the AWS SDKs' "standard" mode): before retry
/// n the client waits a uniformly random time between zero and min(<see cref="MaxDelay"/>, <see cref="BaseDelay"/> × 2^(n-1)).
/// </summary>
public sealed record RetryOptions
{
    public static readonly RetryOptions Default = new();

    /// <summary>Attempts in all, the first included (AWS_MAX_ATTEMPTS / max_attempts). At least 1.</summary>
    public int MaxAttempts { get; init; } = 3;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one attempt may take, response body included, before it counts as a network failure.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Source of the jitter; null uses <see cref="System.Random.Shared"/>.</summary>
    public Random? Random { get; init; }

    /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2 for the first retry).</summary>
    public TimeSpan DelayBefore(int nextAttempt)
    {
        var exponent = Math.Min(nextAttempt - 2, 30);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds((Random ?? System.Random.Shared).NextDouble() * ceiling);
    }

    public void Validate()
    {
        if (MaxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "At least one attempt is needed.");
        if (BaseDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(BaseDelay), "Delays cannot be negative.");
        if (AttemptTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), "The attempt time-out must be positive.");
    }
}

/// <summary>Which failures are worth another attempt.</summary>
public static class RetryClassifier
{
    // The AWS SDKs' standard retry mode lists (throttling and transient error codes).
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
        "InternalServerError", "InternalServiceError",
    };

    public static bool IsThrottling(string code) => ThrottlingCodes.Contains(code);

    public static bool IsRetryable(AwsServiceException error) =>
        IsThrottling(error.Code) || TransientCodes.Contains(error.Code) ||
        error.HttpStatus is 429 or 500 or 502 or 503 or 504;
}
