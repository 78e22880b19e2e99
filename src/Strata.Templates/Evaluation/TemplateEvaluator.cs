using Strata.Templates.Diagnostics;
using Strata.Templates.Graph;
using Strata.Templates.Model;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Evaluation;

/// <summary>
/// The entry point for engines: turns a template plus parameter values and pseudo parameters into a
/// <see cref="PreparedTemplate"/> — resolved parameters, decided conditions, the resources that are part
/// of the stack, the dependency graph — from which resource properties and outputs are resolved as
/// resources come into existence.
/// </summary>
/// <example>
/// <code>
/// var prepared = TemplateEvaluator.Prepare(TemplateParser.ParseFile(path), new EvaluationInputs
/// {
///     Parameters = new Dictionary&lt;string, string&gt; { ["InstanceType"] = "t3.micro" },
///     Pseudo = new PseudoParameters { Region = "eu-west-1", StackName = "web" },
/// });
/// if (prepared.HasErrors) { /* report prepared.Diagnostics */ }
/// foreach (var id in prepared.Graph.CreationOrder)
/// {
///     var props = prepared.ResolveProperties(id, state); // state: IResourceStateResolver over created resources
///     if (props.IsFullyKnown) { /* create with props.JsonObject */ }
/// }
/// </code>
/// </example>
public static class TemplateEvaluator
{
    /// <summary>Builds the model (applying Fn::ForEach with the supplied parameter values) and prepares it.</summary>
    public static PreparedTemplate Prepare(ParsedDocument document, EvaluationInputs inputs, CancellationToken cancellationToken = default)
    {
        var template = TemplateModel.Build(document, new TemplateBuildOptions { ParameterValues = inputs.Parameters, Pseudo = inputs.Pseudo });
        return Prepare(template, inputs, cancellationToken, document.Diagnostics);
    }

    /// <summary>
    /// Prepares a model already built from <paramref name="document"/> (the validator builds one), with the
    /// document's syntax findings, as <see cref="Prepare(ParsedDocument, EvaluationInputs, CancellationToken)"/> would.
    /// The model must not depend on the inputs: built without <c>AWS::LanguageExtensions</c>, or with these parameter values.
    /// </summary>
    public static PreparedTemplate Prepare(ParsedDocument document, Template model, EvaluationInputs inputs, CancellationToken cancellationToken = default) =>
        Prepare(model, inputs, cancellationToken, document.Diagnostics);

    /// <summary>Prepares an already built model with the given inputs.</summary>
    public static PreparedTemplate Prepare(Template template, EvaluationInputs inputs, CancellationToken cancellationToken = default) =>
        Prepare(template, inputs, cancellationToken, []);

    private static PreparedTemplate Prepare(Template template, EvaluationInputs inputs, CancellationToken cancellationToken, IReadOnlyList<Diagnostic> earlier)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(earlier);
        diagnostics.AddRange(template.Diagnostics);

        var parameters = ParameterResolver.Resolve(template, inputs.Parameters, inputs.ParameterOptions);
        diagnostics.AddRange(parameters.Diagnostics);
        cancellationToken.ThrowIfCancellationRequested();

        var baseContext = new EvaluationContext(template)
        {
            Pseudo = inputs.Pseudo,
            Parameters = parameters.Values,
            AttributeTypes = inputs.AttributeTypes,
        };
        var conditions = ConditionEvaluator.Evaluate(baseContext, diagnostics);
        RuleEvaluator.Evaluate(baseContext, diagnostics, inputs.ParameterOptions.RequireValues ? Severity.Error : Severity.Warning);
        cancellationToken.ThrowIfCancellationRequested();

        var graph = DependencyGraph.Build(template, conditions, cancellationToken);
        diagnostics.AddRange(graph.Diagnostics);

        var context = new EvaluationContext(template)
        {
            Pseudo = inputs.Pseudo,
            Parameters = parameters.Values,
            Conditions = conditions,
            AttributeTypes = inputs.AttributeTypes,
            Diagnostics = diagnostics,
        };

        var resources = new List<PreparedResource>(graph.Resources.Count);
        foreach (var id in graph.Resources)
        {
            var decl = template.Resources[id]!;
            resources.Add(new PreparedResource(
                decl,
                graph.IsConditional(id),
                graph.DependenciesOf(id),
                Policy(decl.DeletionPolicy, decl.DeletionPolicyExpression, context),
                Policy(decl.UpdateReplacePolicy, decl.UpdateReplacePolicyExpression, context)));
        }

        var outputs = template.Outputs.Where(o => o.Condition is null || conditions[o.Condition] != false).ToArray();
        return new PreparedTemplate(template, parameters, conditions, graph, resources, outputs, context, diagnostics.Items);
    }

    private static string? Policy(string? literal, Functions.Expression? expression, EvaluationContext context)
    {
        if (literal is not null || expression is null)
        {
            return literal;
        }

        return expression.Evaluate(context) is StringValue s ? s.Text : null;
    }
}
