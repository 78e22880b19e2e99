namespace Strata.Engine.Execution;

/// <summary>Settings of the engine that are not per stack. Defaults suit the CLI with the sandbox.</summary>
public sealed record EngineOptions
{
    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";

    /// <summary>Overrides every per-type timeout baseline (<c>--resource-timeout</c>).</summary>
    public TimeSpan? ResourceTimeout { get; init; }

    /// <summary>
    /// Multiplies the per-type baselines: a sandbox running N times faster than AWS passes 1/N so that a
    /// hang is detected in proportion. Ignored when <see cref="ResourceTimeout"/> is set.
    /// </summary>
    public double TimeoutScale { get; init; } = 1.0;

    /// <summary>At most this many resources in flight at once (comparison runs); null = no cap.</summary>
    public int? MaxParallel { get; init; }

    /// <summary>How many times a retryable failure (throttling) is retried before it counts as a failure.</summary>
    public int MaxRetries { get; init; } = 8;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Poll interval for long operations when the provider gives no RetryAfter (grows up to <see cref="MaxPollInterval"/>).</summary>
    public TimeSpan InitialPollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Calls per second per provider; null = unlimited (only back-off on throttling).</summary>
    public double? MaxCallsPerSecond { get; init; }

    /// <summary>A stack lease whose heartbeat is older than this is taken over (its owner is presumed dead).</summary>
    public TimeSpan LeaseStaleAfter { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan LeaseHeartbeat { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Nested stacks deeper than this fail (CloudFormation's practical limit is 5).</summary>
    public int MaxNestingDepth { get; init; } = 5;

    /// <summary>
    /// Nested-stack TemplateURLs on S3 or HTTPS mapped to local folders: key is a URL prefix
    /// (<c>https://bucket.s3.amazonaws.com/</c> or <c>s3://bucket/</c>), value a directory.
    /// </summary>
    public IReadOnlyDictionary<string, string> TemplateUrlMappings { get; init; } = new Dictionary<string, string>();

    /// <summary>Where wait-condition signals are received (the CLI's loopback listener, or <c>strata serve</c>).</summary>
    public Uri SignalBaseUrl { get; init; } = new("http://127.0.0.1/");

    /// <summary>How often a wait checks the state store for signals received by another process.</summary>
    public TimeSpan SignalPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Told when each resource of an apply walk is ready, starts and finishes (benchmarks, diagnostics); none by default.</summary>
    public IApplyObserver? ApplyObserver { get; init; }
}
