namespace Strata.Providers.Sandbox.Settings;

/// <summary>
/// Account-wide rules of the simulated cloud, read from <c>sandbox.json</c> in the data directory
/// (see <see cref="SandboxSettingsLoader"/>). Every value has a default, so an empty or absent file
/// gives a realistic us-east-1 account that runs in real time.
/// </summary>
public sealed record SandboxSettings
{
    public const string DefaultAccountId = "123456789012";
    public const string DefaultRegion = "us-east-1";

    /// <summary>
    /// How much faster than real AWS the sandbox runs: 1 is real time, 1000 makes a 45-second instance
    /// launch take 45 ms. Scales operation durations, fault-injected seconds and throttle windows alike,
    /// so a rehearsal keeps its shape at any speed.
    /// </summary>
    public double Speed { get; init; } = 1;

    /// <summary>
    /// Seeds every generated identifier, name, address and duration jitter, so that the same requests
    /// produce the same cloud (golden tests). Null picks a random seed when the cloud opens.
    /// </summary>
    public long? Seed { get; init; }

    /// <summary>The region used when a request does not name one, and for estimates.</summary>
    public string Region { get; init; } = DefaultRegion;

    public string AccountId { get; init; } = DefaultAccountId;

    /// <summary>Request-rate limits; none by default.</summary>
    public ThrottleSettings Throttle { get; init; } = new();

    /// <summary>Quota values replacing AWS's defaults, by resource type (see <c>QuotaTable</c>).</summary>
    public IReadOnlyDictionary<string, int> Quotas { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// Fault injection applied to every resource of a type, in the same shape as a resource's
    /// <c>Metadata["Strata::Sandbox"]</c>; a resource's own metadata wins key by key.
    /// </summary>
    public IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonObject> Faults { get; init; } =
        new Dictionary<string, System.Text.Json.Nodes.JsonObject>(StringComparer.Ordinal);
}

/// <summary>Requests per second allowed, globally and per resource type (in sandbox time, scaled by speed).</summary>
public sealed record ThrottleSettings
{
    /// <summary>Limit across all types; null for none.</summary>
    public double? RequestsPerSecond { get; init; }

    /// <summary>Limits for single types, applied in addition to the global one.</summary>
    public IReadOnlyDictionary<string, double> Types { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    public bool IsEnabled => RequestsPerSecond is not null || Types.Count > 0;
}
