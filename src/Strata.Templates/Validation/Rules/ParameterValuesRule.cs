using Strata.Templates.Evaluation;

namespace Strata.Templates.Validation.Rules;

/// <summary>
/// Parameter values, checked by the <see cref="ParameterResolver"/>: every Default against its own constraints
/// (E2015) and, when values are supplied for the run, each value against its declaration (E2030–E2035), plus
/// undeclared names (E2041) and parameters left without a value (E2040). With no values supplied, nothing is
/// required: validating a template is not deploying it.
/// </summary>
internal sealed class ParameterValuesRule : ITemplateRule
{
    public string Name => "parameter values (E2015/E2030-E2041)";

    public void Check(RuleContext context)
    {
        if (context.Model is not { } model)
        {
            return;
        }

        var supplied = context.Options.Parameters;
        var resolution = supplied.Count == 0
            ? ParameterResolver.Resolve(model, null, ParameterResolutionOptions.Lenient)
            : ParameterResolver.Resolve(model, supplied, ParameterResolutionOptions.Strict);
        foreach (var diagnostic in resolution.Diagnostics)
        {
            context.Report(diagnostic);
        }
    }
}
