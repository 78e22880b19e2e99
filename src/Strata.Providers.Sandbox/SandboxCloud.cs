using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Cost;
using Strata.Providers.Sandbox.Lifecycle;
using Strata.Providers.Sandbox.Power;
using Strata.Providers.Sandbox.Settings;
using Strata.Providers.Sandbox.Storage;
using Strata.Templates.Spec;

namespace Strata.Providers.Sandbox;

/// <summary>
/// The simulated cloud of one data directory: its provider for the engine, plus what the platform needs
/// beyond the handler contract — power (start / stop instances and databases), cost accrued per stack,
/// and hourly estimates for the pre-flight check. State lives in <c>sandbox.db</c>, settings in
/// <c>sandbox.json</c>, both in the data directory.
/// </summary>
public sealed class SandboxCloud : IDisposable
{
    private const string SeedKey = "seed";

    private readonly SandboxRuntime _runtime;
    private readonly PowerController _power;
    private readonly CostMeter _cost;

    private SandboxCloud(string dataDirectory, SandboxRuntime runtime, ResourceSpecification specification)
    {
        DataDirectory = dataDirectory;
        _runtime = runtime;
        _power = new PowerController(runtime);
        _cost = new CostMeter(runtime);
        Provider = new SandboxProvider(runtime, specification);
    }

    /// <summary>
    /// Opens (creating if needed) the cloud of a data directory.
    /// </summary>
    /// <param name="settings">The settings to use; null reads <c>sandbox.json</c> from the directory (defaults when absent).</param>
    /// <param name="timeProvider">The clock; the system clock when null. Tests pass a manual one.</param>
    /// <param name="specification">The resource specification; the embedded one when null.</param>
    /// <exception cref="SandboxSettingsException">The settings file is unreadable or holds a bad value.</exception>
    public static SandboxCloud Open(string dataDirectory, SandboxSettings? settings = null, TimeProvider? timeProvider = null, ResourceSpecification? specification = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        settings ??= SandboxSettingsLoader.LoadFromDirectory(dataDirectory);
        var database = new SandboxDatabase(dataDirectory);
        try
        {
            var seed = settings.Seed ?? StoredSeed(database);
            var runtime = new SandboxRuntime(settings, seed, timeProvider ?? TimeProvider.System, database);
            return new SandboxCloud(Path.GetFullPath(dataDirectory), runtime, specification ?? ResourceSpecification.Default);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public string DataDirectory { get; }

    /// <summary>The engine's way in: create / read / update / delete / list with progress events.</summary>
    public SandboxProvider Provider { get; }

    public SandboxSettings Settings => _runtime.Settings;

    /// <summary>The seed in use: the settings' seed, or one chosen when the data directory was first used.</summary>
    public long Seed => _runtime.Seed;

    /// <summary>Stops an EC2 instance or RDS database; compute stops accruing at once. Stopping a stopped one does nothing.</summary>
    /// <exception cref="SandboxPowerException">Unknown id, a type without power, or a state that cannot stop.</exception>
    public Task<PowerStatus> StopAsync(string physicalId, CancellationToken cancellationToken = default) =>
        _power.StopAsync(physicalId, cancellationToken);

    /// <summary>Starts a stopped instance or database (checked against the vCPU quota again).</summary>
    /// <exception cref="SandboxPowerException">Unknown id, a type without power, a state that cannot start, or no quota left.</exception>
    public Task<PowerStatus> StartAsync(string physicalId, CancellationToken cancellationToken = default) =>
        _power.StartAsync(physicalId, cancellationToken);

    public Task<PowerStatus> GetPowerAsync(string physicalId, CancellationToken cancellationToken = default) =>
        _power.GetAsync(physicalId, cancellationToken);

    /// <summary>What a stack's resources accrued between two times, at list prices.</summary>
    public Task<CostReport> CostForStackAsync(string stackName, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        _cost.ForStackAsync(stackName, from, to, cancellationToken);

    /// <summary>What a resource with this desired state would cost per hour (for the pre-flight cost check).</summary>
    public static CostEstimate EstimateHourlyCost(string typeName, JsonObject desiredState) =>
        PriceList.Estimate(typeName, desiredState);

    /// <summary>The resources of the cloud (of one stack when named), oldest first.</summary>
    public async Task<IReadOnlyList<SandboxResource>> ListResourcesAsync(string? stackName = null, CancellationToken cancellationToken = default)
    {
        await Provider.SettleAsync(cancellationToken).ConfigureAwait(false);
        var records = _runtime.Database.Read(
            c => stackName is null ? ResourceTable.All(c, null) : ResourceTable.ByStack(c, null, stackName), cancellationToken);
        return records.Select(r => new SandboxResource(r.Type, r.PhysicalId, r.Stack, r.LogicalId, r.Region,
            r.State.ToString(), r.Power, PowerTypes.Decorate(r), SandboxRuntime.FromMs(r.CreatedAt))).ToArray();
    }

    public void Dispose() => _runtime.Database.Dispose();

    // Without a configured seed each data directory gets its own, kept so that every process using the
    // directory derives the same default VPC and subnets.
    private static long StoredSeed(SandboxDatabase database) =>
        database.WriteAsync((c, t) =>
        {
            var stored = c.Query(t, "SELECT value FROM counters WHERE key = $key", r => r.GetInt64(0), ("$key", SeedKey));
            if (stored.Count > 0)
            {
                return stored[0];
            }
            var seed = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue;
            c.Execute(t, "INSERT INTO counters (key, value) VALUES ($key, $value)", ("$key", SeedKey), ("$value", seed));
            return seed;
        }, CancellationToken.None).GetAwaiter().GetResult();
}
