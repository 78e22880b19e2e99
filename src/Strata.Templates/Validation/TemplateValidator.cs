using Strata.Templates.Diagnostics;
using Strata.Templates.Evaluation;
using Strata.Templates.Model;
using Strata.Templates.Spec;
using Strata.Templates.Syntax;
using Strata.Templates.Validation.Rules;

namespace Strata.Templates.Validation;

/// <summary>
/// Validates a parsed template against CloudFormation's rules and the resource specification. Never throws for
/// any input: a rule that fails unexpectedly becomes an <see cref="ValidationRules.InternalError"/> finding
/// naming the rule, and the other rules still run. Findings come back sorted by line and column.
/// </summary>
public static class TemplateValidator
{
    internal static readonly ITemplateRule[] DefaultRules =
    [
        new TemplateStructureRule(),
        new TemplateLimitsRule(),
        new ResourceConfigurationRule(),
        new ResourceTypeRule(),
        new ResourcePropertiesRule(),
        new ReferenceTargetsRule(),
        new GetAttTargetsRule(),
        new DependsOnRule(),
        new FindInMapTargetsRule(),
        new ConditionReferencesRule(),
        new CircularConditionsRule(),
        new FunctionShapeRule(),
        new ParameterValuesRule(),
        new DependencyCycleRule(),
    ];

    /// <summary>Reads and validates a template file. Unreadable files come back as one finding, not an exception.</summary>
    public static ValidationResult ValidateFile(string path, ValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ParsedDocument document;
        try
        {
            document = TemplateParser.ParseFile(path);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ValidationResult(path,
                [Diagnostic.Error(SyntaxRules.ParseError, $"{path} could not be read: {ex.Message}")]);
        }

        return Validate(document, options, cancellationToken);
    }

    public static ValidationResult Validate(ParsedDocument document, ValidationOptions? options = null, CancellationToken cancellationToken = default) =>
        Validate(document, options, DefaultRules, cancellationToken);

    /// <summary>Runs the given rules (tests substitute their own to prove that one failing rule hides no other).</summary>
    internal static ValidationResult Validate(
        ParsedDocument document, ValidationOptions? options, IReadOnlyList<ITemplateRule> rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= ValidationOptions.Default;
        var diagnostics = new List<Diagnostic>(document.Diagnostics);
        Template? model = null;
        switch (document.Root)
        {
            case null:
                break;
            case MappingNode root:
                model = Run(document, root, options, rules, diagnostics, cancellationToken);
                break;
            default:
                diagnostics.Add(Diagnostic.Error(ValidationRules.TemplateStructure,
                    $"A template must be a JSON object or YAML mapping of sections, not {NodeDescriptions.Describe(document.Root)}",
                    null, document.Root.Location));
                break;
        }

        return new ValidationResult(document.FileName, Sort(diagnostics), document, model);
    }

    /// <summary>Builds the model and runs the rules over it; returns the model (null when it could not be built).</summary>
    private static Template? Run(
        ParsedDocument document,
        MappingNode root,
        ValidationOptions options,
        IReadOnlyList<ITemplateRule> rules,
        List<Diagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        var model = BuildModel(document, options, diagnostics);

        // With AWS::LanguageExtensions the model's root is the expanded template (Fn::ForEach applied), so the
        // resources a loop generates are checked like any other; nodes keep the lines they were copied from.
        var checkedRoot = model?.Root ?? root;
        RuleContext context;
        try
        {
            var spec = options.Spec ?? ResourceSpecification.Default;
            context = new RuleContext(document, checkedRoot, new TemplateIndex(checkedRoot, spec), options, spec, model, diagnostics, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Add(Diagnostic.Error(ValidationRules.InternalError,
                $"The template could not be prepared for validation ({ex.GetType().Name}: {ex.Message}); no rule ran"));
            return model;
        }

        foreach (var rule in rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                rule.Check(context);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                diagnostics.Add(Diagnostic.Error(ValidationRules.InternalError,
                    $"Rule {rule.Name} failed on this template ({ex.GetType().Name}: {ex.Message}); its findings may be incomplete"));
            }
        }

        return model;
    }

    /// <summary>Builds the template model; its structural findings are the first findings of the validation.</summary>
    private static Template? BuildModel(ParsedDocument document, ValidationOptions options, List<Diagnostic> diagnostics)
    {
        try
        {
            // The region decides what Fn::ForEach collections built from pseudo parameters (e.g. Fn::GetAZs) expand to;
            // the stack's own identity is unknown when only validating.
            var model = TemplateModel.Build(document, new TemplateBuildOptions
            {
                ParameterValues = options.Parameters.Count == 0 ? null : options.Parameters,
                Pseudo = PseudoParameters.ForValidation with { Region = options.Region },
            });
            diagnostics.AddRange(model.Diagnostics);
            return model;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Add(Diagnostic.Error(ValidationRules.InternalError,
                $"The template model could not be built ({ex.GetType().Name}: {ex.Message}); structure, function, parameter and cycle checks did not run"));
            return null;
        }
    }

    // Stable: findings at the same position keep the order the rules made them in.
    private static Diagnostic[] Sort(List<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ToArray();
}
