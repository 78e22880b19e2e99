using System.Diagnostics.CodeAnalysis;
using Strata.Templates.Values;

namespace Strata.Templates.Evaluation;

/// <summary>
/// Answers what only a running stack knows. The engine implements it over its recorded state; a
/// resource that does not exist yet answers false and evaluation yields a typed unknown instead.
/// </summary>
public interface IResourceStateResolver
{
    /// <summary>What <c>Ref</c> returns for an existing resource (usually its physical id).</summary>
    bool TryGetReference(string logicalId, [NotNullWhen(true)] out Value? value);

    /// <summary>The value of <c>Fn::GetAtt [logicalId, attribute]</c> for an existing resource.</summary>
    bool TryGetAttribute(string logicalId, string attribute, [NotNullWhen(true)] out Value? value);

    /// <summary>The value exported under <paramref name="exportName"/> by another stack.</summary>
    bool TryGetImport(string exportName, [NotNullWhen(true)] out Value? value);

    /// <summary>
    /// <c>Fn::GetStackOutput</c>: output <paramref name="outputName"/> of stack <paramref name="stackName"/>
    /// (in <paramref name="region"/> when given). Unknown unless implemented.
    /// </summary>
    bool TryGetStackOutput(string stackName, string outputName, string? region, [NotNullWhen(true)] out Value? value)
    {
        value = null;
        return false;
    }
}

/// <summary>
/// A resolver over plain dictionaries, for tests, rehearsals and callers that hold state in memory.
/// <see cref="None"/> knows nothing (every resource reference stays unknown).
/// </summary>
public sealed class ResourceState : IResourceStateResolver
{
    public static readonly IResourceStateResolver None = new ResourceState();

    public Dictionary<string, Value> References { get; } = new(StringComparer.Ordinal);

    /// <summary>Attributes keyed by <c>LogicalId.Attribute</c>.</summary>
    public Dictionary<string, Value> Attributes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Value> Exports { get; } = new(StringComparer.Ordinal);

    /// <summary>Other stacks' outputs keyed by <c>StackName.OutputName</c>.</summary>
    public Dictionary<string, Value> StackOutputs { get; } = new(StringComparer.Ordinal);

    /// <summary>Records an existing resource's physical id and attributes (strings or values).</summary>
    public ResourceState WithResource(string logicalId, string physicalId, IReadOnlyDictionary<string, Value>? attributes = null)
    {
        References[logicalId] = Value.Str(physicalId);
        if (attributes is not null)
        {
            foreach (var (name, value) in attributes)
            {
                Attributes[logicalId + "." + name] = value;
            }
        }

        return this;
    }

    public ResourceState WithExport(string name, string value)
    {
        Exports[name] = Value.Str(value);
        return this;
    }

    public bool TryGetReference(string logicalId, [NotNullWhen(true)] out Value? value) =>
        References.TryGetValue(logicalId, out value);

    public bool TryGetAttribute(string logicalId, string attribute, [NotNullWhen(true)] out Value? value) =>
        Attributes.TryGetValue(logicalId + "." + attribute, out value);

    public bool TryGetImport(string exportName, [NotNullWhen(true)] out Value? value) =>
        Exports.TryGetValue(exportName, out value);

    public bool TryGetStackOutput(string stackName, string outputName, string? region, [NotNullWhen(true)] out Value? value) =>
        StackOutputs.TryGetValue(stackName + "." + outputName, out value);
}
