using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Strata.Engine.Definition;

/// <summary>What exists, for evaluating a template: resources' <c>Ref</c> values and attributes, and exports.</summary>
public interface IStackState
{
    /// <summary>What <c>Ref</c> returns for an existing resource (the provider's <c>ReferenceOf</c> its physical id).</summary>
    bool TryGetReference(string logicalId, [NotNullWhen(true)] out string? value);

    /// <summary>The value of <c>Fn::GetAtt [logicalId, attribute]</c>, read from the resource's model.</summary>
    bool TryGetAttribute(string logicalId, string attribute, [NotNullWhen(true)] out JsonNode? value);

    /// <summary>The value exported under <paramref name="exportName"/> by another stack.</summary>
    bool TryGetImport(string exportName, [NotNullWhen(true)] out string? value);
}
