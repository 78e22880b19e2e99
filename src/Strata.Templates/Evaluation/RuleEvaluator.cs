using Strata.Templates.Diagnostics;
using Strata.Templates.Functions;
using Strata.Templates.Values;

namespace Strata.Templates.Evaluation;

/// <summary>
/// Checks the template's Rules against the parameter values, as CloudFormation does before it creates
/// anything: for each rule whose RuleCondition holds (or that has none), every Assert must be true.
/// Rules that depend on values unknown offline are not decided and not reported.
/// </summary>
/// <remarks>
/// A failed assertion is an error when the values are the ones to deploy with, and a warning when the
/// template is only being checked (missing values lenient), since users may still supply others.
/// </remarks>
public static class RuleEvaluator
{
    /// <summary>An assertion is false for these parameter values (Strata's id; cfn-lint does not evaluate rules).</summary>
    public const string AssertionFailed = "E1703";

    public static void Evaluate(EvaluationContext context, DiagnosticBag diagnostics, Severity severity = Severity.Error)
    {
        foreach (var rule in context.Template.Rules)
        {
            var scratch = context.WithDiagnostics(new DiagnosticBag());
            if (rule.RuleCondition is not null && IsTrue(rule.RuleCondition.Evaluate(scratch)) != true)
            {
                continue;
            }

            foreach (var assertion in rule.Assertions)
            {
                if (IsTrue(assertion.Assert.Evaluate(scratch)) == false)
                {
                    var why = assertion.AssertDescription is { Length: > 0 } d ? d : $"assertion {assertion.Assert.Node} is false";
                    diagnostics.Add(new Diagnostic(AssertionFailed, severity, $"Rule '{rule.Name}' fails for these parameter values: {why}", assertion.Node.Path, assertion.Node.Location));
                }
            }
        }
    }

    private static bool? IsTrue(Value value) => value switch
    {
        BooleanValue b => b.Value,
        StringValue s when bool.TryParse(s.Text, out var parsed) => parsed,
        _ => null,
    };
}
