using Strata.Templates.Diagnostics;
using Strata.Templates.Functions;
using Strata.Templates.Graph;
using Strata.Templates.Model;
using Strata.Templates.Values;

namespace Strata.Templates.Evaluation;

/// <summary>
/// Decides every condition of a template from parameter values, each after the conditions it refers
/// to (iteratively, so long chains are linear). Circular conditions are reported with their path
/// (<see cref="ConditionRules.CircularCondition"/>) and stay undecided, as does any condition that
/// depends on something unknown offline (an SSM parameter, a missing value).
/// </summary>
public static class ConditionEvaluator
{
    /// <param name="context">Template, parameter values and pseudo parameters; its Conditions are ignored.</param>
    public static ConditionResults Evaluate(EvaluationContext context, DiagnosticBag diagnostics)
    {
        var conditions = context.Template.Conditions;
        var values = new Dictionary<string, Value>(conditions.Count, StringComparer.Ordinal);
        if (conditions.Count == 0)
        {
            return new ConditionResults(values);
        }

        var index = new Dictionary<string, int>(conditions.Count, StringComparer.Ordinal);
        for (var i = 0; i < conditions.Count; i++)
        {
            index.TryAdd(conditions[i].Name, i);
        }

        var dependencies = new IReadOnlyList<int>[conditions.Count];
        var finder = new ConditionReferenceFinder(index);
        for (var i = 0; i < conditions.Count; i++)
        {
            dependencies[i] = finder.Find(conditions[i].Expression);
        }

        var onCycle = new bool[conditions.Count];
        foreach (var cycle in GraphAlgorithms.FindCycles(dependencies))
        {
            var path = string.Join(" -> ", cycle.Select(i => conditions[i].Name));
            var first = conditions[cycle[0]];
            diagnostics.Add(Diagnostic.Error(ConditionRules.CircularCondition, $"Circular conditions: {path}", first.Node.Path, first.KeyLocation.IsKnown ? first.KeyLocation : first.Node.Location));
            foreach (var i in cycle)
            {
                onCycle[i] = true;
            }

            // Every condition on the cycle is undecidable, with the cycle as the reason.
            foreach (var i in cycle)
            {
                values[conditions[i].Name] = new UnknownValue(ExpectedKind.Boolean, "circular conditions " + path, UnknownReason.Error);
            }
        }

        var results = new ConditionResults(values);
        var evaluation = context.WithDiagnostics(diagnostics);
        var withResults = new EvaluationContext(context.Template)
        {
            Pseudo = evaluation.Pseudo,
            Parameters = evaluation.Parameters,
            Resources = evaluation.Resources,
            AttributeTypes = evaluation.AttributeTypes,
            Diagnostics = diagnostics,
            Conditions = results,
        };

        // Dependencies first; what the topological order leaves out sits on or behind a cycle.
        var order = GraphAlgorithms.TopologicalOrder(dependencies);
        var placed = new bool[conditions.Count];
        foreach (var i in order)
        {
            placed[i] = true;
            values[conditions[i].Name] = Decide(conditions[i], withResults);
        }

        for (var i = 0; i < conditions.Count; i++)
        {
            if (!placed[i] && !onCycle[i])
            {
                values[conditions[i].Name] = new UnknownValue(ExpectedKind.Boolean, $"condition {conditions[i].Name} (depends on circular conditions)", UnknownReason.Error);
            }
        }

        return results;
    }

    private static Value Decide(ConditionDecl condition, EvaluationContext context)
    {
        var value = condition.Expression.Evaluate(context);
        return value switch
        {
            BooleanValue or UnknownValue => value,
            StringValue s when bool.TryParse(s.Text, out var b) => Value.Bool(b),
            _ => context.Fail(condition.Expression, ConditionRules.NotBoolean, $"Condition '{condition.Name}' must evaluate to true or false; got {value}", ExpectedKind.Boolean, condition.Node),
        };
    }

    private sealed class ConditionReferenceFinder(Dictionary<string, int> index) : ReferenceVisitor
    {
        private readonly List<int> _found = [];

        public IReadOnlyList<int> Find(Expression expression)
        {
            _found.Clear();
            expression.Accept(this);
            return [.. _found];
        }

        public override void OnCondition(string name, Expression at)
        {
            if (index.TryGetValue(name, out var i) && !_found.Contains(i))
            {
                _found.Add(i);
            }
        }
    }
}

/// <summary>Rule ids of findings about conditions made while deciding them.</summary>
public static class ConditionRules
{
    /// <summary>Conditions refer to each other in a cycle (Strata's id; cfn-lint has none).</summary>
    public const string CircularCondition = "E8008";

    /// <summary>A condition does not evaluate to a boolean (cfn-lint's condition configuration rule).</summary>
    public const string NotBoolean = "E8001";
}
