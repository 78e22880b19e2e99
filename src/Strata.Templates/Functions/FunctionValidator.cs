using Strata.Templates.Diagnostics;
using Strata.Templates.Model;

namespace Strata.Templates.Functions;

/// <summary>
/// Validates every function call of a template: argument shapes and targets (Ref, GetAtt, Sub
/// variables, FindInMap mappings and keys, conditions named by Fn::If/Condition and by the Condition
/// attribute of resources and outputs), with the section-specific limits (no resources in Conditions).
/// Rule ids are in <see cref="FunctionRules"/>.
/// </summary>
public static class FunctionValidator
{
    public static IReadOnlyList<Diagnostic> Validate(Template template)
    {
        var diagnostics = new DiagnosticBag();
        var context = new ValidationContext(template, diagnostics, TemplateSection.Conditions);
        foreach (var condition in template.Conditions)
        {
            condition.Expression.Validate(context);
        }

        context.Section = TemplateSection.Rules;
        foreach (var rule in template.Rules)
        {
            rule.RuleCondition?.Validate(context);
            foreach (var assertion in rule.Assertions)
            {
                assertion.Assert.Validate(context);
            }
        }

        context.Section = TemplateSection.Resources;
        foreach (var resource in template.Resources)
        {
            CheckConditionName(template, resource.Condition, resource.ConditionNode, context);
            foreach (var expression in resource.Expressions())
            {
                expression.Validate(context);
            }
        }

        context.Section = TemplateSection.Outputs;
        foreach (var output in template.Outputs)
        {
            CheckConditionName(template, output.Condition, output.ConditionNode, context);
            foreach (var expression in output.Expressions())
            {
                expression.Validate(context);
            }
        }

        return diagnostics.Items;
    }

    private static void CheckConditionName(Template template, string? name, Syntax.TemplateNode? node, ValidationContext context)
    {
        if (name is not null && node is not null && !template.Conditions.Contains(name))
        {
            context.Report(FunctionRules.ConditionNotFound, $"Condition '{name}' is not declared in the Conditions section", node);
        }
    }
}
