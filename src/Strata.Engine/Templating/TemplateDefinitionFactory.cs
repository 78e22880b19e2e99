using System.Text;
using Strata.Engine.Definition;
using Strata.Templates.Diagnostics;
using Strata.Templates.Evaluation;
using Strata.Templates.Model;
using Strata.Templates.Syntax;

namespace Strata.Engine.Templating;

/// <summary>Builds <see cref="IStackDefinition"/>s with Strata.Templates: parse, resolve parameters (strictly), decide conditions, build the graph.</summary>
public sealed class TemplateDefinitionFactory(IReadOnlyDictionary<string, string>? templateUrlMappings = null) : IStackDefinitionFactory
{
    public static readonly TemplateDefinitionFactory Instance = new();

    private readonly IReadOnlyDictionary<string, string> _templateUrlMappings = templateUrlMappings ?? new Dictionary<string, string>();

    public DefinitionResult Create(TemplateSource template, IReadOnlyDictionary<string, string> parameters, StackIdentity identity)
    {
        var fileName = template.Path ?? "template";
        var document = template.Parsed ?? TemplateParser.Parse(Encoding.UTF8.GetBytes(template.Body), fileName);
        var model = template.Parsed is null ? null : template.Model;
        var syntaxErrors = Errors(document.Diagnostics, fileName);
        if (document.Root is null || syntaxErrors.Count > 0)
        {
            return new DefinitionResult(null, syntaxErrors.Count > 0 ? syntaxErrors : [$"{fileName}: the template is empty"]);
        }
        var inputs = new EvaluationInputs
        {
            Parameters = parameters,
            Pseudo = new PseudoParameters
            {
                Region = identity.Region,
                AccountId = identity.AccountId,
                StackName = identity.StackName,
                StackId = identity.StackId,
            },
            ParameterOptions = ParameterResolutionOptions.Strict,
        };
        // A model built elsewhere fits unless Fn::ForEach expanded it with other parameter values or pseudo parameters.
        var prepared = model is { HasLanguageExtensions: false }
            ? TemplateEvaluator.Prepare(document, model, inputs)
            : TemplateEvaluator.Prepare(document, inputs);
        var errors = Errors(prepared.Diagnostics, fileName);
        // Evaluating with nothing created finds what no deployment could fix (a Ref to an undeclared name, a
        // missing mapping key) before anything is created; references to resources simply stay unknown.
        foreach (var resource in prepared.Resources)
        {
            var found = prepared.ResolveProperties(resource.LogicalId, ResourceState.None).Diagnostics;
            if (found.Count > 0)
            {
                errors.AddRange(Errors(found, fileName));
            }
        }
        if (errors.Count > 0)
        {
            return new DefinitionResult(null, errors.Distinct().ToList());
        }
        if (prepared.Resources.Count == 0)
        {
            return new DefinitionResult(null, [$"{fileName}: the template has no resources (or its conditions exclude them all)"]);
        }
        return new DefinitionResult(new TemplateStackDefinition(prepared, fileName, template.Path, _templateUrlMappings), []);
    }

    /// <summary>The errors among <paramref name="diagnostics"/> as messages, each once.</summary>
    internal static List<string> Errors(IReadOnlyList<Diagnostic> diagnostics, string fileName) =>
        // Most evaluations find nothing; the query (and its closure) is only built when there is something to format.
        diagnostics.Count == 0 ? [] : FormatErrors(diagnostics, fileName);

    private static List<string> FormatErrors(IReadOnlyList<Diagnostic> diagnostics, string fileName) =>
        diagnostics.Where(d => d.Severity == Severity.Error).Select(d => Format(d, fileName)).Distinct().ToList();

    internal static string Format(Diagnostic diagnostic, string fileName)
    {
        var where = diagnostic.Location.IsKnown ? $"{fileName}:{diagnostic.Location.Line}:{diagnostic.Location.Column}" : fileName;
        var path = diagnostic.Path is { Length: > 0 } p ? $" ({p})" : "";
        return $"{where}: {diagnostic.Message}{path} [{diagnostic.Rule}]";
    }
}
