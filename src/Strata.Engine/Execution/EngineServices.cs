using Strata.Engine.Definition;
using Strata.Engine.Planning;
using Strata.Engine.Providers;
using Strata.Engine.Signals;
using Strata.Engine.State;

namespace Strata.Engine.Execution;

/// <summary>What every operation of one engine shares.</summary>
internal sealed class EngineServices
{
    public required StateStore Store { get; init; }

    public required TimeProvider Time { get; init; }

    public required EngineOptions Options { get; init; }

    public required IResourceProvider Provider { get; init; }

    public required IStackDefinitionFactory Definitions { get; init; }

    public required IReplacementRules Rules { get; init; }

    public required SignalHub Signals { get; init; }

    public required HandlerRouter Router { get; init; }

    /// <summary>Export names are unique per account and region.</summary>
    public string ExportScope => $"{Options.AccountId}/{Options.Region}";
}
