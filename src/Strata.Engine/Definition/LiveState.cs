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
/// <remarks>
/// <c>Ref</c> values are derived from each record's type, physical id and model through
/// the <c>referenceOf</c> the state is built with rather than stored, so reloading the records gives the same answers.
/// </remarks>
public sealed class LiveState : IStackState
{
    private readonly ConcurrentDictionary<string, Entry> _resources = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _exports;
    private readonly ResourceReference _referenceOf;
    private readonly ConcurrentDictionary<string, bool> _imported = new(StringComparer.Ordinal);

    /// <param name="referenceOf">What <c>Ref</c> returns for a resource; the physical id when not given.</param>
    public LiveState(IEnumerable<ResourceRecord> records, IReadOnlyDictionary<string, string> exports, ResourceReference? referenceOf = null)
    {
        _exports = exports;
        _referenceOf = referenceOf ?? ((_, physicalId, _) => physicalId);
        foreach (var record in records)
        {
            if (record.IsCurrent && record.PhysicalId is not null && record.Status.Exists())
            {
                Set(record);
            }
        }
    }

    /// <summary>Export names looked up through <see cref="TryGetImport"/> (found or not).</summary>
    public IReadOnlyCollection<string> ImportedExports => _imported.Keys.ToList();

    /// <summary>Makes <paramref name="record"/> (which must have a physical id) what its logical id refers to.</summary>
    public void Set(ResourceRecord record)
    {
        var physicalId = record.PhysicalId ?? throw new ArgumentException($"{record.LogicalId} has no physical id to refer to", nameof(record));
        _resources[record.LogicalId] = new Entry(record.Type, physicalId, record.Model);
    }

    public void Remove(string logicalId) => _resources.TryRemove(logicalId, out _);

    public bool Contains(string logicalId) => _resources.ContainsKey(logicalId);

    public bool TryGetReference(string logicalId, [NotNullWhen(true)] out string? value)
    {
        value = _resources.TryGetValue(logicalId, out var r) ? r.Reference(_referenceOf) : null;
        return value is not null;
    }

    public bool TryGetAttribute(string logicalId, string attribute, [NotNullWhen(true)] out JsonNode? value)
    {
        value = _resources.TryGetValue(logicalId, out var r) ? r.Model?.Find(attribute) : null;
        return value is not null;
    }

    public bool TryGetImport(string exportName, [NotNullWhen(true)] out string? value)
    {
        _imported[exportName] = true;
        return _exports.TryGetValue(exportName, out value);
    }

    /// <summary>
    /// One resource as <c>Ref</c> and <c>Fn::GetAtt</c> see it. The <c>Ref</c> value is worked out when first asked
    /// for: most providers ignore the model, yet handing it over means parsing it, and a stack's records are all
    /// loaded at every plan and up while only referenced ones are ever asked for.
    /// </summary>
    private sealed class Entry(string type, string physicalId, StoredJson? model)
    {
        private string? _reference;

        public StoredJson? Model => model;

        // Two threads may both compute it: the answer is the same, so the race is harmless.
        public string Reference(ResourceReference referenceOf) => _reference ??= referenceOf(type, physicalId, model?.ToObject());
    }
}

/// <summary>What <c>Ref</c> returns for a resource of <paramref name="typeName"/> with this physical id and model.</summary>
public delegate string ResourceReference(string typeName, string physicalId, JsonObject? model);
