namespace Strata.Templates.Evaluation;

/// <summary>What <see cref="TemplateEvaluator.Prepare(Model.Template, EvaluationInputs, CancellationToken)"/> needs besides the template.</summary>
public sealed record EvaluationInputs
{
    public static readonly EvaluationInputs Default = new();

    /// <summary>Supplied parameter values as text (lists comma-separated), by parameter name.</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>Region, account, stack name and id.</summary>
    public PseudoParameters Pseudo { get; init; } = PseudoParameters.Default;

    /// <summary>Strict (missing values are errors; for deploying) or lenient (missing values are unknowns; for validating).</summary>
    public ParameterResolutionOptions ParameterOptions { get; init; } = ParameterResolutionOptions.Strict;

    /// <summary>Types the unknowns of Fn::GetAtt; the resource specification by default.</summary>
    public IAttributeTypes AttributeTypes { get; init; } = SpecAttributeTypes.Instance;
}
