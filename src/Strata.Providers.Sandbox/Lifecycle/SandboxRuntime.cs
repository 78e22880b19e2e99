using Strata.Providers.Sandbox.Identity;
using Strata.Providers.Sandbox.Quotas;
using Strata.Providers.Sandbox.Settings;
using Strata.Providers.Sandbox.Storage;
using Strata.Providers.Sandbox.Throttling;
using Strata.Providers.Sandbox.Timing;

namespace Strata.Providers.Sandbox.Lifecycle;

/// <summary>What every part of an open cloud shares: settings, seed, clock, database, throttle, quotas.</summary>
internal sealed class SandboxRuntime(SandboxSettings settings, long seed, TimeProvider time, SandboxDatabase database)
{
    // How often a hung operation tells the engine to poll again, in sandbox seconds.
    private const double HangPollSeconds = 5;

    public SandboxSettings Settings { get; } = settings;
    public long Seed { get; } = seed;
    public TimeProvider Time { get; } = time;
    public SandboxDatabase Database { get; } = database;
    public RequestThrottle Throttle { get; } = new(settings.Throttle, settings.Speed, time);
    public QuotaChecker Quotas { get; } = new(settings.Quotas, settings.AccountId);

    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Real time for a span of sandbox seconds at the cloud's speed.</summary>
    public TimeSpan Scale(double sandboxSeconds) => TimeSpan.FromSeconds(sandboxSeconds / Settings.Speed);

    public TimeSpan HangPollInterval => Max(Scale(HangPollSeconds), TimeSpan.FromMilliseconds(1));

    /// <summary>
    /// How long an operation takes: the fault rule's seconds when given, else a seeded pick within the
    /// type's baseline; in real milliseconds after scaling by speed.
    /// </summary>
    public long DurationMs(string typeName, OperationKind kind, double? overrideSeconds, DeterministicRandom random)
    {
        var seconds = overrideSeconds ?? OperationDurations.For(typeName, kind).Pick(random.NextDouble());
        return (long)Math.Round(Scale(seconds).TotalMilliseconds);
    }

    public static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
