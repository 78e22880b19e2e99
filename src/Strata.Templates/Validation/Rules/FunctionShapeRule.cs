using Strata.Templates.Diagnostics;
using Strata.Templates.Model;
using FunctionValidation = Strata.Templates.Functions.ValidationContext;

namespace Strata.Templates.Validation.Rules;

/// <summary>
/// The intrinsic and condition functions validate their own arguments (E1010–E1032, E8003–E8007); this rule
/// asks each expression of the model to do so. It passes no template, so the functions check shapes only:
/// what their names refer to is checked by the reference rules here, which know about SAM, modules and
/// Fn::ForEach and suggest near misses.
/// </summary>
internal sealed class FunctionShapeRule : ITemplateRule
{
    public string Name => "intrinsic function arguments (E1010-E1032, E8003-E8007)";

    public void Check(RuleContext context)
    {
        if (context.Model is not { } model || context.Transform.HasMacros)
        {
            return; // a macro may implement functions of its own
        }

        var bag = new DiagnosticBag();
        var functions = new FunctionValidation(null, bag, TemplateSection.Resources);
        foreach (var resource in model.Resources)
        {
            foreach (var expression in resource.Expressions())
            {
                expression.Validate(functions);
            }
        }

        functions.Section = TemplateSection.Outputs;
        foreach (var output in model.Outputs)
        {
            foreach (var expression in output.Expressions())
            {
                expression.Validate(functions);
            }
        }

        functions.Section = TemplateSection.Conditions;
        foreach (var condition in model.Conditions)
        {
            condition.Expression.Validate(functions);
        }

        functions.Section = TemplateSection.Rules;
        foreach (var rule in model.Rules)
        {
            rule.RuleCondition?.Validate(functions);
            foreach (var assertion in rule.Assertions)
            {
                assertion.Assert.Validate(functions);
            }
        }

        var transformed = context.Index.References.TransformCalls.Select(call => call.Path).ToArray();
        foreach (var diagnostic in bag.Items)
        {
            if (!IsRewrittenByMacro(diagnostic.Path, transformed))
            {
                context.Report(diagnostic);
            }
        }
    }

    /// <summary>
    /// An inline macro (<c>Fn::Transform</c>) replaces itself with what it returns, so a function whose argument
    /// holds one can only be judged after the macro has run: its findings are not reported.
    /// </summary>
    private static bool IsRewrittenByMacro(string? path, string[] transformCalls)
    {
        if (path is null || transformCalls.Length == 0)
        {
            return false;
        }

        foreach (var call in transformCalls)
        {
            if (call.StartsWith(path, StringComparison.Ordinal) && (call.Length == path.Length || call[path.Length] == '/'))
            {
                return true;
            }
        }

        return false;
    }
}
