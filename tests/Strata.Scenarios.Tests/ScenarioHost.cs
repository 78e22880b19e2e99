using System.Text;
using System.Text.RegularExpressions;
using Strata.Engine;
using Strata.Engine.Definition;
using Strata.Engine.Execution;
using Strata.Engine.Model;
using Strata.Engine.State;
using Strata.Engine.Templating;
using Strata.Providers.Sandbox;
using Strata.Providers.Sandbox.Settings;

namespace Strata.Scenarios.Tests;

/// <summary>
/// One scenario's world: a fresh data directory with the real sandbox cloud (fast, seeded), the state
/// store and the engine. The walk runs one resource at a time so the event stream is deterministic and
/// can be compared with a golden file (parallel walks are covered by the walk's unit tests and the
/// crash test).
/// </summary>
internal sealed partial class ScenarioHost : IDisposable
{
    public const double Speed = 1000;

    public ScenarioHost(TimeSpan? resourceTimeout = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "strata-scenarios", Guid.NewGuid().ToString("N"));
        Cloud = SandboxCloud.Open(Directory, new SandboxSettings { Speed = Speed, Seed = 7 });
        Store = StateStore.Open(Directory);
        Engine = new StackEngine(Store, Cloud.Provider, TemplateDefinitionFactory.Instance, SpecReplacementRules.Default, new EngineOptions
        {
            MaxParallel = 1,
            ResourceTimeout = resourceTimeout,
            TimeoutScale = 1 / Speed,
            InitialBackoff = TimeSpan.FromMilliseconds(10),
            InitialPollInterval = TimeSpan.FromMilliseconds(5),
            MaxPollInterval = TimeSpan.FromMilliseconds(50),
            SignalPollInterval = TimeSpan.FromMilliseconds(100),
        });
    }

    public string Directory { get; }

    public SandboxCloud Cloud { get; }

    public StateStore Store { get; }

    public StackEngine Engine { get; }

    public static string ScenarioPath(string scenario, string file) =>
        Path.Combine(AppContext.BaseDirectory, "Scenarios", scenario, file);

    public Task<OperationResult> UpAsync(string stack, string scenario, string file, IReadOnlyDictionary<string, string>? parameters = null, bool disableRollback = false) =>
        Engine.UpAsync(new UpRequest
        {
            StackName = stack,
            Template = new TemplateSource(File.ReadAllText(ScenarioPath(scenario, file)), ScenarioPath(scenario, file)),
            Parameters = parameters ?? new Dictionary<string, string>(),
            DisableRollback = disableRollback,
        }, CancellationToken.None);

    public Task<OperationResult> DownAsync(string stack) => Engine.DownAsync(stack, CancellationToken.None);

    public async Task<StackRecord> StackAsync(string name) =>
        await Store.GetStackAsync(name, CancellationToken.None) ?? throw new InvalidOperationException($"no stack {name}");

    public async Task<IReadOnlyList<ResourceRecord>> ResourcesAsync(string stack) =>
        await Store.GetResourcesAsync((await StackAsync(stack)).StackId, CancellationToken.None);

    /// <summary>The stack's events as golden-file lines: ids, times and addresses replaced by placeholders.</summary>
    public async Task<string> EventsTextAsync(params string[] stacks)
    {
        var text = new StringBuilder();
        foreach (var name in stacks)
        {
            var stack = await StackAsync(name);
            foreach (var e in await Store.GetEventsAsync(stack.StackId, 0, CancellationToken.None))
            {
                text.Append(Normalize($"{e.StackName} | {e.LogicalId} | {e.ResourceType} | {e.Status} | {e.Reason}")).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>The sandbox's resources (all stacks when null), as "stack type logicalId" sorted.</summary>
    public async Task<IReadOnlyList<SandboxResource>> CloudResourcesAsync(string? stack = null) =>
        await Cloud.ListResourcesAsync(stack, CancellationToken.None);

    internal static string Normalize(string line)
    {
        line = StackArn().Replace(line, "<stack-id>");
        line = SignalUrl().Replace(line, "<signal-url>");
        line = AwsId().Replace(line, m => m.Groups["prefix"].Value + "-<id>");
        line = NestedSuffix().Replace(line, "-<suffix>");
        return line.TrimEnd();
    }

    [GeneratedRegex(@"arn:aws:cloudformation:[a-z0-9-]+:\d{12}:stack/[A-Za-z0-9-]+/[0-9a-f-]{36}")]
    private static partial Regex StackArn();

    [GeneratedRegex(@"https?://[^\s""']+/signal/[^\s""']+")]
    private static partial Regex SignalUrl();

    [GeneratedRegex(@"\b(?<prefix>i|vpc|subnet|sg|vol|igw|rtb|eni|ami)-[0-9a-f]{8,17}\b")]
    private static partial Regex AwsId();

    [GeneratedRegex(@"-[A-Z0-9]{12}\b")]
    private static partial Regex NestedSuffix();

    public void Dispose()
    {
        Store.Dispose();
        Cloud.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform; the temp folder is cleaned eventually.
        }
    }
}
