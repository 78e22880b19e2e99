using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Strata.Engine.Model;

namespace Strata.Engine.Definition;

/// <summary>
/// The stack's resources as they are right now, for evaluating templates: filled from the recorded
/// resources, then updated by the apply walk the moment each resource completes, so a dependent's
/// <c>Fn::GetAtt</c> reads the model its dependency just returned. Also answers <c>Fn::ImportValue</c>
/// from the exports snapshot and remembers which exports were imported.
/// </summary>
public sealed class LiveState : IStackState
{
    private readonly ConcurrentDictionary<string, (string PhysicalId, JsonObject? Model)> _resources = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _exports;
    private readonly ConcurrentDictionary<string, bool> _imported = new(StringComparer.Ordinal);

    public LiveState(IEnumerable<ResourceRecord> records, IReadOnlyDictionary<string, string> exports)
    {
        _exports = exports;
        foreach (var record in records)
        {
            if (record.IsCurrent && record.PhysicalId is not null && record.Status.Exists())
            {
                _resources[record.LogicalId] = (record.PhysicalId, record.Model);
            }
        }
    }

    /// <summary>Export names looked up through <see cref="TryGetImport"/> (found or not).</summary>
    public IReadOnlyCollection<string> ImportedExports => _imported.Keys.ToList();

    public void Set(string logicalId, string physicalId, JsonObject? model) => _resources[logicalId] = (physicalId, model);

    public void Remove(string logicalId) => _resources.TryRemove(logicalId, out _);

    public bool Contains(string logicalId) => _resources.ContainsKey(logicalId);

    public bool TryGetReference(string logicalId, [NotNullWhen(true)] out string? value)
    {
        value = _resources.TryGetValue(logicalId, out var r) ? r.PhysicalId : null;
        return value is not null;
    }

    public bool TryGetAttribute(string logicalId, string attribute, [NotNullWhen(true)] out JsonNode? value)
    {
        value = _resources.TryGetValue(logicalId, out var r) ? ModelAttributes.Find(r.Model, attribute) : null;
        return value is not null;
    }

    public bool TryGetImport(string exportName, [NotNullWhen(true)] out string? value)
    {
        _imported[exportName] = true;
        return _exports.TryGetValue(exportName, out value);
    }
}

/// <summary>Reads <c>Fn::GetAtt</c> attributes from a provider's resource model.</summary>
public static class ModelAttributes
{
    /// <summary>The attribute as a key of the model, or as a dotted path into it (<c>Endpoint.Address</c>, <c>Outputs.VpcId</c>).</summary>
    public static JsonNode? Find(JsonObject? model, string attribute)
    {
        if (model is null)
        {
            return null;
        }
        if (model[attribute] is { } direct)
        {
            return direct.DeepClone();
        }
        JsonNode? current = model;
        foreach (var part in attribute.Split('.'))
        {
            current = current is JsonObject o ? o[part] : null;
            if (current is null)
            {
                return null;
            }
        }
        return current.DeepClone();
    }
}
