using Strata.Engine.Definition;
using Strata.Engine.Execution;
using Strata.Engine.Providers;
using Strata.Engine.State;
using Strata.Engine.Templating;

namespace Strata.Engine.Tests.Support;

/// <summary>A state store in a temporary directory and an engine over a <see cref="ScriptedProvider"/>.</summary>
public sealed class EngineFixture : IDisposable
{
    public EngineFixture(EngineOptions? options = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "strata-engine-tests", Guid.NewGuid().ToString("N"));
        Store = StateStore.Open(Directory);
        Options = options ?? new EngineOptions { InitialBackoff = TimeSpan.FromMilliseconds(5), InitialPollInterval = TimeSpan.FromMilliseconds(5) };
        Engine = NewEngine();
    }

    public string Directory { get; }

    public StateStore Store { get; }

    public ScriptedProvider Provider { get; } = new();

    public EngineOptions Options { get; }

    public StackEngine Engine { get; }

    /// <summary>A second engine on the same store and provider: what a new process would build.</summary>
    public StackEngine NewEngine(ICustomResourceTransport? customResources = null) =>
        new(Store, Provider, TemplateDefinitionFactory.Instance, SpecReplacementRules.Default, Options, customResources: customResources);

    public static UpRequest Up(string stack, string template, IReadOnlyDictionary<string, string>? parameters = null) => new()
    {
        StackName = stack,
        Template = new TemplateSource(template, null),
        Parameters = parameters ?? new Dictionary<string, string>(),
    };

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
