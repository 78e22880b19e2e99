using Strata.Engine;
using Strata.Engine.Execution;
using Strata.Engine.Providers;
using Strata.Engine.State;
using Strata.Engine.Templating;

namespace Strata.Bench.Engine.Measurement;

/// <summary>
/// A <see cref="StackEngine"/> wired as the CLI wires it (<c>EngineHost</c>: a SQLite state store in its own
/// data directory, the template factory, the spec's replacement rules, default options) over a bench provider.
/// The directory is deleted on dispose so runs never see each other's state.
/// </summary>
public sealed class BenchEngine : IDisposable
{
    private BenchEngine(string directory, StateStore store, StackEngine engine)
    {
        Directory = directory;
        Store = store;
        Engine = engine;
    }

    public string Directory { get; }

    public StateStore Store { get; }

    public StackEngine Engine { get; }

    /// <param name="observer">Told when each resource's step starts and finishes; nothing else of the options changes.</param>
    public static BenchEngine Open(string dataRoot, string name, IResourceProvider provider, IApplyObserver? observer = null)
    {
        var directory = Path.Combine(dataRoot, $"{name}-{Guid.NewGuid():N}");
        var store = StateStore.Open(directory);
        var engine = new StackEngine(store, provider, TemplateDefinitionFactory.Instance, SpecReplacementRules.Default, new EngineOptions { ApplyObserver = observer });
        return new BenchEngine(directory, store, engine);
    }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; the next run uses a fresh name.
        }
    }
}
