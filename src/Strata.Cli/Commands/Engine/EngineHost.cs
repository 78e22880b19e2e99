using System.Globalization;
using System.Text.Json.Nodes;
using Strata.Cli.Infrastructure;
using Strata.Engine;
using Strata.Engine.Execution;
using Strata.Engine.State;
using Strata.Engine.Templating;
using Strata.Providers.Sandbox;
using Strata.Providers.Sandbox.Settings;

namespace Strata.Cli.Commands.Engine;

/// <summary>
/// The engine as the CLI runs it: the state store and the sandbox cloud in the data directory, wired to
/// one <see cref="StackEngine"/>; or, with <c>--provider aws</c>, the state store and AWS's Cloud Control API
/// (<see cref="OpenAwsAsync"/>, no sandbox).
/// <para>
/// Sandbox speed: the CLI runs the sandbox <see cref="DefaultSandboxSpeed"/> times faster than AWS (a
/// 45-second instance launch takes about 2 seconds), so a small example finishes in seconds. The
/// environment variable <c>STRATA_SANDBOX_SPEED</c>, or <c>Speed</c> in the data directory's
/// <c>sandbox.json</c>, changes it (1 = real time). Resource timeouts scale with the speed.
/// </para>
/// </summary>
public sealed partial class EngineHost : IDisposable
{
    public const double DefaultSandboxSpeed = 20;
    public const string SpeedVariable = "STRATA_SANDBOX_SPEED";
    public const string TemplateMapVariable = "STRATA_TEMPLATE_MAP";

    private EngineHost(SandboxCloud? cloud, StateStore store, StackEngine engine)
    {
        Cloud = cloud;
        Store = store;
        Engine = engine;
    }

    /// <summary>The simulated cloud; null when the engine runs on AWS.</summary>
    public SandboxCloud? Cloud { get; }

    /// <summary>How many times faster than AWS resources settle (ETAs divide by it): the sandbox's speed, 1 on AWS.</summary>
    public double Speed => Cloud?.Settings.Speed ?? 1;

    public StateStore Store { get; }

    public StackEngine Engine { get; }

    /// <summary>Opens the data directory. Settings problems are bad usage (exit 2).</summary>
    public static EngineHost Open(string dataDirectory, Func<EngineOptions, EngineOptions>? configure = null)
    {
        SandboxSettings settings;
        try
        {
            settings = SandboxSettingsLoader.LoadFromDirectory(dataDirectory);
        }
        catch (SandboxSettingsException ex)
        {
            throw new UsageException(ex.Message);
        }
        settings = settings with { Speed = ResolveSpeed(dataDirectory, settings) };

        var cloud = SandboxCloud.Open(dataDirectory, settings);
        try
        {
            var store = StateStore.Open(dataDirectory);
            var options = new EngineOptions
            {
                Region = settings.Region,
                AccountId = settings.AccountId,
                TimeoutScale = 1 / settings.Speed,
                TemplateUrlMappings = TemplateMappings(),
            };
            options = configure?.Invoke(options) ?? options;
            var engine = new StackEngine(store, cloud.Provider, new TemplateDefinitionFactory(options.TemplateUrlMappings), SpecReplacementRules.Default, options);
            return new EngineHost(cloud, store, engine);
        }
        catch
        {
            cloud.Dispose();
            throw;
        }
    }

    /// <summary>Opens only the state store (read-only commands: ls, events, outputs, resources).</summary>
    public static StateStore OpenStore(string dataDirectory) => StateStore.Open(dataDirectory);

    private static double ResolveSpeed(string dataDirectory, SandboxSettings settings)
    {
        if (Environment.GetEnvironmentVariable(SpeedVariable) is { Length: > 0 } text)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) || speed <= 0)
            {
                throw new UsageException($"{SpeedVariable} '{text}' must be a number greater than zero");
            }
            return speed;
        }
        return SettingsFileSetsSpeed(dataDirectory) ? settings.Speed : DefaultSandboxSpeed;
    }

    private static bool SettingsFileSetsSpeed(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, SandboxSettingsLoader.FileName);
        if (!File.Exists(path))
        {
            return false;
        }
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject;
        return root?.Any(p => string.Equals(p.Key, "Speed", StringComparison.OrdinalIgnoreCase)) ?? false;
    }

    /// <summary><c>STRATA_TEMPLATE_MAP="https://bucket.s3.amazonaws.com/=./templates;s3://other/=/srv/t"</c>: nested TemplateURLs read from folders.</summary>
    private static Dictionary<string, string> TemplateMappings()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Environment.GetEnvironmentVariable(TemplateMapVariable) is not { Length: > 0 } text)
        {
            return result;
        }
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.LastIndexOf('=');
            if (eq <= 0)
            {
                throw new UsageException($"{TemplateMapVariable}: '{pair}' is not PREFIX=DIRECTORY");
            }
            result[pair[..eq]] = Path.GetFullPath(pair[(eq + 1)..]);
        }
        return result;
    }

    public void Dispose()
    {
        Store.Dispose();
        Cloud?.Dispose();
    }
}
