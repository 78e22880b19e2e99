using Strata.Templates.Syntax;

namespace Strata.Templates.Validation;

/// <summary>The part of the template a reference was found in; it decides what the reference may name.</summary>
internal enum ReferenceSection
{
    Other,
    Resources,
    Outputs,
    Conditions,
    Rules,
}

/// <summary>Where a reference sits: section, the logical id it belongs to, and whether inside an unexpanded Fn::ForEach.</summary>
internal readonly record struct ReferenceScope(ReferenceSection Section, string? Owner, bool InForEach);

/// <summary><c>{"Ref": Target}</c>.</summary>
internal sealed record RefUse(string Target, MappingNode Node, ReferenceScope Scope);

/// <summary><c>Fn::GetAtt</c> or a dotted <c>${Res.Attr}</c> in Fn::Sub. Attribute is null when computed by a function.</summary>
internal sealed record GetAttUse(string ResourceName, string? Attribute, MappingNode Node, ReferenceScope Scope, bool FromSub);

/// <summary>A <c>${Name}</c> variable of Fn::Sub that is not a dotted attribute and not defined by the Sub's own map.</summary>
internal sealed record SubVariableUse(string Name, MappingNode Node, ReferenceScope Scope);

/// <summary>
/// <c>Fn::FindInMap</c>: the mapping name and the keys when written literally (null when computed), and whether
/// it has a <c>DefaultValue</c> (AWS::LanguageExtensions) that stands in for missing keys.
/// </summary>
internal sealed record FindInMapUse(string MapName, TemplateNode MapNode, string? TopKey, TemplateNode? TopNode, string? SecondKey, TemplateNode? SecondNode, bool HasDefault, ReferenceScope Scope);

/// <summary>How a condition name is used.</summary>
internal enum ConditionUseKind
{
    /// <summary>The first argument of <c>Fn::If</c>.</summary>
    If,

    /// <summary><c>{"Condition": Name}</c> inside a condition expression.</summary>
    ConditionFunction,
}

internal sealed record ConditionUse(string Name, TemplateNode Node, ConditionUseKind Kind, ReferenceScope Scope);

/// <summary>The references of one template, found in a single walk of the tree.</summary>
internal sealed class ReferenceIndex
{
    public List<RefUse> Refs { get; } = [];

    public List<GetAttUse> GetAtts { get; } = [];

    public List<SubVariableUse> SubVariables { get; } = [];

    public List<ConditionUse> ConditionUses { get; } = [];

    public List<FindInMapUse> FindInMaps { get; } = [];

    /// <summary>Inline macro calls (<c>Fn::Transform</c>): what they return replaces them before CloudFormation looks.</summary>
    public List<MappingNode> TransformCalls { get; } = [];

    public static ReferenceIndex Build(TemplateIndex index)
    {
        var result = new ReferenceIndex();
        var walker = new ReferenceWalker(result, index.Transform.HasLanguageExtensions);
        foreach (var section in index.Root.Entries)
        {
            var kind = section.Key switch
            {
                "Resources" => ReferenceSection.Resources,
                "Outputs" => ReferenceSection.Outputs,
                "Conditions" => ReferenceSection.Conditions,
                "Rules" => ReferenceSection.Rules,
                _ => ReferenceSection.Other,
            };

            if (kind == ReferenceSection.Other || section.Value is not MappingNode declarations)
            {
                // Template metadata, parameters and mappings hold no references CloudFormation resolves, but an
                // Fn::If there still counts as using its condition (as cfn-lint counts it).
                walker.Walk(section.Value, new ReferenceScope(ReferenceSection.Other, null, false), false);
                continue;
            }

            foreach (var declaration in declarations.Entries)
            {
                var inForEach = declaration.Key.StartsWith(Intrinsics.ForEachPrefix, StringComparison.Ordinal);
                var scope = new ReferenceScope(kind, inForEach ? null : declaration.Key, inForEach);
                walker.Walk(declaration.Value, scope, kind == ReferenceSection.Conditions);
            }
        }

        return result;
    }
}
