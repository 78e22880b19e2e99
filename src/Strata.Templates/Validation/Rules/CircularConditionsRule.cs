namespace Strata.Templates.Validation.Rules;

/// <summary>
/// E9010: conditions that use each other (through the Condition function) in a loop can never be evaluated;
/// CloudFormation rejects the template. cfn-lint has no such rule.
/// </summary>
internal sealed class CircularConditionsRule : ITemplateRule
{
    public string Name => "circular conditions (E9010)";

    public void Check(RuleContext context)
    {
        var index = context.Index;
        if (index.Conditions is null || context.Transform.HasMacros)
        {
            return;
        }

        var graph = new DependencyGraph();
        foreach (var entry in index.Conditions.Entries)
        {
            if (index.ConditionNames.Contains(entry.Key))
            {
                graph.AddNode(entry.Key);
            }
        }

        foreach (var use in index.References.ConditionUses)
        {
            if (use.Scope is { Section: ReferenceSection.Conditions, Owner: { } owner } && use.Kind == ConditionUseKind.ConditionFunction)
            {
                graph.AddEdge(owner, use.Name);
            }
        }

        foreach (var cycle in graph.FindCycles())
        {
            var first = index.Conditions.GetEntry(cycle[0])!;
            var message = cycle.Count == 2
                ? $"Condition '{cycle[0]}' uses itself"
                : $"Conditions use each other in a loop: {string.Join(" -> ", cycle)}";
            context.Error(ValidationRules.CircularCondition, message, "Conditions/" + first.Key, first.KeyLocation);
        }
    }
}
