using Strata.Templates.Syntax;

namespace Strata.Templates.Validation.Rules;

/// <summary>
/// Conditions that are used must be defined — a resource's Condition (E3015), an output's Condition (E6005),
/// Fn::If and the Condition function (E8002) — and conditions that are defined should be used (W8001).
/// </summary>
internal sealed class ConditionReferencesRule : ITemplateRule
{
    public string Name => "condition references (E3015/E6005/E8002/W8001)";

    public void Check(RuleContext context)
    {
        if (context.Transform.HasMacros)
        {
            return;
        }

        var index = context.Index;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in index.ResourceList)
        {
            CheckAttribute(context, resource.Node, ValidationRules.ResourceCondition, $"Resource '{resource.Name}'", used);
        }

        foreach (var output in index.Outputs?.Entries ?? [])
        {
            CheckAttribute(context, output.Value as MappingNode, ValidationRules.OutputCondition, $"Output '{output.Key}'", used);
        }

        foreach (var use in index.References.ConditionUses)
        {
            used.Add(use.Name);
            if (!use.Scope.InForEach && !IsDefined(index, use.Name))
            {
                var what = use.Kind == ConditionUseKind.If ? "Fn::If" : "Condition";
                context.Error(ValidationRules.ConditionUndefined, $"{what} uses condition '{use.Name}', which is not defined{Suggestion(index, use.Name)}", use.Node);
            }
        }

        if (index.HasForEach)
        {
            CollectConditionAttributes(index.Root, used); // resources and outputs written inside Fn::ForEach fragments
        }

        foreach (var entry in index.Conditions?.Entries ?? [])
        {
            if (!used.Contains(entry.Key) && !entry.Key.StartsWith(Intrinsics.ForEachPrefix, StringComparison.Ordinal))
            {
                context.Warning(ValidationRules.ConditionUnused, $"Condition '{entry.Key}' is defined but never used",
                    "Conditions/" + entry.Key, entry.KeyLocation);
            }
        }
    }

    private static void CheckAttribute(RuleContext context, MappingNode? owner, string rule, string what, HashSet<string> used)
    {
        if (owner?.GetEntry("Condition") is not { } entry || entry.Value is not ScalarNode { Type: ScalarType.String } name)
        {
            return;
        }

        used.Add(name.Text);
        if (!IsDefined(context.Index, name.Text))
        {
            context.ErrorAtKey(rule, $"{what} has condition '{name.Text}', which is not defined{Suggestion(context.Index, name.Text)}", owner, entry);
        }
    }

    // Fn::ForEach in the Conditions section generates condition names that are unknown until it is expanded.
    private static bool IsDefined(TemplateIndex index, string name) =>
        index.ConditionNames.Contains(name) || index.HasForEach;

    private static string Suggestion(TemplateIndex index, string name)
    {
        return Suggestions.DidYouMean(name, index.ConditionNames);
    }

    private static void CollectConditionAttributes(TemplateNode node, HashSet<string> used)
    {
        switch (node)
        {
            case MappingNode map:
                foreach (var entry in map.Entries)
                {
                    if (entry.Key == "Condition" && entry.Value is ScalarNode scalar)
                    {
                        used.Add(scalar.Text);
                    }

                    CollectConditionAttributes(entry.Value, used);
                }

                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    CollectConditionAttributes(item, used);
                }

                break;
        }
    }
}
