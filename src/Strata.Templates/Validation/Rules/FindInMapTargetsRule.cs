using Strata.Templates.Syntax;

namespace Strata.Templates.Validation.Rules;

/// <summary>
/// E1011: Fn::FindInMap names a mapping of the template and, where the keys are written literally, keys that
/// exist in it (unless a DefaultValue stands in for a missing key).
/// </summary>
internal sealed class FindInMapTargetsRule : ITemplateRule
{
    public string Name => "Fn::FindInMap targets (E1011)";

    public void Check(RuleContext context)
    {
        var mappings = context.Index.Mappings;
        foreach (var use in context.Index.References.FindInMaps)
        {
            if (use.Scope.InForEach || use.Scope.Section == ReferenceSection.Other || context.Transform.HasMacros)
            {
                continue;
            }

            if (mappings?[use.MapName] is not { } map)
            {
                context.Error(ValidationRules.FindInMap,
                    $"Fn::FindInMap names mapping '{use.MapName}', which is not in the Mappings section{Suggestion(mappings, use.MapName)}", use.MapNode);
                continue;
            }

            if (use.HasDefault || map is not MappingNode topLevel || use.TopKey is null)
            {
                continue;
            }

            if (topLevel[use.TopKey] is not { } second)
            {
                context.Error(ValidationRules.FindInMap,
                    $"Mapping '{use.MapName}' has no top-level key '{use.TopKey}'{Suggestion(topLevel, use.TopKey)}", use.TopNode!);
            }
            else if (use.SecondKey is not null && second is MappingNode secondLevel && !secondLevel.ContainsKey(use.SecondKey))
            {
                context.Error(ValidationRules.FindInMap,
                    $"Mapping '{use.MapName}' has no key '{use.SecondKey}' under '{use.TopKey}'{Suggestion(secondLevel, use.SecondKey)}", use.SecondNode!);
            }
        }
    }

    private static string Suggestion(MappingNode? map, string key)
    {
        return map is null ? "" : Suggestions.DidYouMean(key, map.Keys);
    }
}
