using System.Text.RegularExpressions;
using Strata.Templates.Syntax;

namespace Strata.Templates.Validation.Rules;

/// <summary>
/// E3001: logical ids are alphanumeric. E3035/E3036: deletion and replacement policies have known values.
/// (The shape of each resource — a mapping with a Type and known attributes — is reported by the model builder.)
/// </summary>
internal sealed partial class ResourceConfigurationRule : ITemplateRule
{
    private static readonly string[] DeletionPolicies = ["Delete", "Retain", "RetainExceptOnCreate", "Snapshot"];
    private static readonly string[] ReplacePolicies = ["Delete", "Retain", "Snapshot"];

    public string Name => "resource configuration (E3001/E3035/E3036)";

    public void Check(RuleContext context)
    {
        var resources = context.Index.Resources;
        if (resources is null || context.Transform.HasMacros)
        {
            return;
        }

        foreach (var entry in resources.Entries)
        {
            if (entry.Key.StartsWith(Intrinsics.ForEachPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (!LogicalId().IsMatch(entry.Key))
            {
                context.ErrorAtKey(ValidationRules.ResourceConfiguration,
                    $"Resource name '{entry.Key}' must contain only letters and digits (A-Z, a-z, 0-9)", resources, entry);
            }

            if (entry.Value is MappingNode resource)
            {
                CheckPolicy(context, resource, "DeletionPolicy", DeletionPolicies, ValidationRules.DeletionPolicy);
                CheckPolicy(context, resource, "UpdateReplacePolicy", ReplacePolicies, ValidationRules.UpdateReplacePolicy);
            }
        }
    }

    private static void CheckPolicy(RuleContext context, MappingNode resource, string attribute, string[] allowed, string rule)
    {
        if (resource.GetEntry(attribute) is not { } entry)
        {
            return;
        }

        // A policy may be computed (Ref to a parameter, Fn::FindInMap, Fn::If); the literal branches of an Fn::If
        // are still checked.
        foreach (var value in LiteralValues(entry.Value))
        {
            if (value is not ScalarNode { IsNull: false } scalar || Array.IndexOf(allowed, scalar.Text) < 0)
            {
                context.ErrorAtKey(rule,
                    $"{attribute} is {NodeDescriptions.Describe(value)}; it must be {NodeDescriptions.OneOf(allowed)}", resource, entry);
            }
        }
    }

    private static IEnumerable<TemplateNode> LiteralValues(TemplateNode node)
    {
        if (!Intrinsics.TryGetFunction(node, out var name, out var argument))
        {
            yield return node;
        }
        else if (name == "Fn::If" && argument is SequenceNode { Count: 3 } branches)
        {
            foreach (var branch in new[] { branches[1], branches[2] })
            {
                foreach (var value in LiteralValues(branch))
                {
                    yield return value;
                }
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LogicalId();
}
