using System.Diagnostics.CodeAnalysis;
using Strata.Templates.Syntax;

namespace Strata.Templates.Model;

/// <summary>A mapping of the Mappings section: top-level key → second-level key → value.</summary>
public sealed class MappingDecl : IDeclaration
{
    public required string Name { get; init; }

    public required TemplateNode Node { get; init; }

    public SourceLocation KeyLocation { get; init; }

    /// <summary>The value at <paramref name="topLevelKey"/> / <paramref name="secondLevelKey"/>, when present.</summary>
    public bool TryGetValue(string topLevelKey, string secondLevelKey, [NotNullWhen(true)] out TemplateNode? value)
    {
        value = null;
        return Node is MappingNode map
            && map.TryGetValue(topLevelKey, out var top)
            && top is MappingNode second
            && second.TryGetValue(secondLevelKey, out value);
    }

    public bool ContainsTopLevelKey(string key) => Node is MappingNode map && map.ContainsKey(key);

    public override string ToString() => Name;
}
