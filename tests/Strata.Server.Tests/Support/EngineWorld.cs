using Strata.Engine;
using Strata.Engine.Definition;
using Strata.Engine.Execution;
using Strata.Engine.Model;
using Strata.Engine.State;
using Strata.Engine.Templating;
using Strata.Providers.Sandbox;
using Strata.Providers.Sandbox.Settings;

namespace Strata.Server.Tests.Support;

/// <summary>
/// What one <c>strata up</c> process holds: a data directory with the sandbox cloud, its own state store and an engine
/// whose wait-condition URLs point at <paramref name="signalBaseUrl"/> (a <see cref="StrataServer"/> in these tests).
/// </summary>
internal sealed class EngineWorld : IDisposable
{
    private readonly TimeProvider _time;
    private readonly EngineOptions _options;

    public EngineWorld(string directory, Uri signalBaseUrl, TimeProvider? time = null)
    {
        Directory = directory;
        _time = time ?? TimeProvider.System;
        Cloud = SandboxCloud.Open(directory, new SandboxSettings { Speed = 1000, Seed = 7 });
        Store = StateStore.Open(directory, _time);
        _options = new EngineOptions
        {
            TimeoutScale = 1.0 / 1000,
            InitialBackoff = TimeSpan.FromMilliseconds(10),
            InitialPollInterval = TimeSpan.FromMilliseconds(5),
            MaxPollInterval = TimeSpan.FromMilliseconds(50),
            SignalBaseUrl = signalBaseUrl,
            SignalPollInterval = TimeSpan.FromMilliseconds(100),
        };
        Engine = NewEngine();
    }

    public string Directory { get; }

    public SandboxCloud Cloud { get; }

    public StateStore Store { get; }

    public StackEngine Engine { get; }

    /// <summary>Another engine on the same store: what the next <c>strata up</c> process would build.</summary>
    public StackEngine NewEngine() =>
        new(Store, Cloud.Provider, TemplateDefinitionFactory.Instance, SpecReplacementRules.Default, _options, _time);

    public static UpRequest Up(string stack, string template) => new()
    {
        StackName = stack,
        Template = new TemplateSource(template, null),
        Parameters = new Dictionary<string, string>(),
    };

    /// <summary>
    /// A handle, a wait condition on it (Timeout seconds) and, with <paramref name="dependentQueue"/>, a queue that waits
    /// for it; the signals' data as output. Without the queue only engine-native resources run (nothing but the wait
    /// depends on the clock).
    /// </summary>
    public static string WaitTemplate(int timeoutSeconds, bool dependentQueue = true) => $$"""
        Resources:
          Handle:
            Type: AWS::CloudFormation::WaitConditionHandle
          Ready:
            Type: AWS::CloudFormation::WaitCondition
            Properties:
              Handle: !Ref Handle
              Timeout: "{{timeoutSeconds}}"
              Count: 1
        {{(dependentQueue ? AfterReady : "")}}Outputs:
          Data:
            Value: !GetAtt Ready.Data
        """;

    private const string AfterReady = """
          AfterReady:
            Type: AWS::SQS::Queue
            DependsOn: Ready

        """;

    /// <summary>The resource's physical id once it has one (the handle's is its signal URL), polling the store.</summary>
    public async Task<string> PhysicalIdAsync(string stackName, string logicalId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            if (await Store.GetStackAsync(stackName, limit.Token) is { } stack &&
                (await Store.GetResourcesAsync(stack.StackId, limit.Token)).FirstOrDefault(r => r.LogicalId == logicalId)?.PhysicalId is { } id)
            {
                return id;
            }
            await Task.Delay(20, limit.Token);
        }
    }

    /// <summary>The journal entry of the resource's call still in flight (a wait in progress), polling the store.</summary>
    public async Task<JournalEntry> PendingCallAsync(string stackName, string logicalId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            if (await Store.GetStackAsync(stackName, limit.Token) is { } stack &&
                (await Store.GetPendingOperationsAsync(stack.StackId, limit.Token)).FirstOrDefault(e => e.LogicalId == logicalId) is { } entry)
            {
                return entry;
            }
            await Task.Delay(20, limit.Token);
        }
    }

    public async Task<IReadOnlyList<StackEvent>> EventsAsync(string stackName)
    {
        var stack = await Store.GetStackAsync(stackName, CancellationToken.None) ?? throw new InvalidOperationException($"no stack {stackName}");
        return await Store.GetEventsAsync(stack.StackId, 0, CancellationToken.None);
    }

    public void Dispose()
    {
        Store.Dispose();
        Cloud.Dispose();
    }
}
