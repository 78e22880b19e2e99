using System.Diagnostics.CodeAnalysis;
using Strata.Engine.Definition;
using Strata.Templates.Evaluation;
using Strata.Templates.Values;

namespace Strata.Engine.Templating;

/// <summary>Answers the template library's Ref / GetAtt / ImportValue questions from the engine's state.</summary>
internal sealed class StateResolver(IStackState state) : IResourceStateResolver
{
    public bool TryGetReference(string logicalId, [NotNullWhen(true)] out Value? value)
    {
        value = state.TryGetReference(logicalId, out var reference) ? Value.Str(reference) : null;
        return value is not null;
    }

    public bool TryGetAttribute(string logicalId, string attribute, [NotNullWhen(true)] out Value? value)
    {
        value = state.TryGetAttribute(logicalId, attribute, out var node) ? ValueConversion.FromJson(node) : null;
        return value is not null;
    }

    public bool TryGetImport(string exportName, [NotNullWhen(true)] out Value? value)
    {
        value = state.TryGetImport(exportName, out var text) ? Value.Str(text) : null;
        return value is not null;
    }
}
