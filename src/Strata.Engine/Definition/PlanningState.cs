using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Strata.Engine.Definition;

/// <summary>
/// The recorded state as the planner sees it: a resource being added or replaced has no <c>Ref</c> value
/// yet, and an attribute named like a property being changed is not known until after apply.
/// </summary>
internal sealed class PlanningState(IStackState recorded) : IStackState
{
    private readonly HashSet<string> _newPhysical = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _changedProperties = new(StringComparer.Ordinal);

    public void MarkNewPhysicalResource(string logicalId) => _newPhysical.Add(logicalId);

    public void MarkChangedProperties(string logicalId, IEnumerable<string> properties) =>
        _changedProperties[logicalId] = new HashSet<string>(properties, StringComparer.Ordinal);

    public bool TryGetReference(string logicalId, [NotNullWhen(true)] out string? value)
    {
        value = null;
        return !_newPhysical.Contains(logicalId) && recorded.TryGetReference(logicalId, out value);
    }

    public bool TryGetAttribute(string logicalId, string attribute, [NotNullWhen(true)] out JsonNode? value)
    {
        value = null;
        if (_newPhysical.Contains(logicalId))
        {
            return false;
        }
        if (_changedProperties.TryGetValue(logicalId, out var changed) && changed.Contains(attribute.Split('.')[0]))
        {
            return false;
        }
        return recorded.TryGetAttribute(logicalId, attribute, out value);
    }

    public bool TryGetImport(string exportName, [NotNullWhen(true)] out string? value) => recorded.TryGetImport(exportName, out value);
}
