using Strata.Templates.Diagnostics;
using Strata.Templates.Evaluation;
using Strata.Templates.Functions;
using Strata.Templates.Model;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Tests.Evaluation;

/// <summary>Small helpers to build models and evaluate expressions from YAML text.</summary>
internal static class Fixtures
{
    public const string Minimal = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n";

    public static Template BuildModel(string yaml, IReadOnlyDictionary<string, string>? parameters = null) =>
        TemplateModel.Build(Parse(yaml), new TemplateBuildOptions { ParameterValues = parameters });

    public static PreparedTemplate Prepare(string yaml, IReadOnlyDictionary<string, string>? parameters = null, PseudoParameters? pseudo = null, bool strict = false) =>
        TemplateEvaluator.Prepare(Parse(yaml), new EvaluationInputs
        {
            Parameters = parameters,
            Pseudo = pseudo ?? PseudoParameters.Default,
            ParameterOptions = strict ? ParameterResolutionOptions.Strict : ParameterResolutionOptions.Lenient,
        });

    /// <summary>Parses template text that must be valid YAML (so a test cannot pass on a parse error).</summary>
    public static ParsedDocument Parse(string yaml)
    {
        var doc = TemplateParser.ParseText(yaml, "test.yaml");
        Assert.Empty(doc.Diagnostics);
        return doc;
    }

    /// <summary>
    /// Parses a YAML value (e.g. <c>!Join [",", [a, b]]</c>) into an expression, as a condition (so that a
    /// bare <c>!Condition X</c> is the function; it makes no difference for anything else).
    /// </summary>
    public static Expression Expr(string yaml)
    {
        var doc = TemplateParser.ParseText("Value: " + yaml, "expr.yaml");
        Assert.Empty(doc.Diagnostics);
        return Expression.ParseCondition(((MappingNode)doc.Root!)["Value"]!);
    }

    /// <summary>Evaluates an expression within a template, with no resources created yet.</summary>
    public static ResolvedValue Eval(string expression, string template = Minimal, IReadOnlyDictionary<string, string>? parameters = null, IResourceStateResolver? state = null, PseudoParameters? pseudo = null) =>
        Prepare(template, parameters, pseudo).Evaluate(Expr(expression), state);

    /// <summary>Evaluates an expression that must succeed, returning its value.</summary>
    public static Value Value(string expression, string template = Minimal, IReadOnlyDictionary<string, string>? parameters = null, IResourceStateResolver? state = null, PseudoParameters? pseudo = null)
    {
        var result = Eval(expression, template, parameters, state, pseudo);
        Assert.Empty(result.Diagnostics);
        return result.Value;
    }

    /// <summary>Validates an expression's shape and targets in the Resources section of <paramref name="template"/>.</summary>
    public static IReadOnlyList<Diagnostic> Validate(string expression, string template = Minimal, TemplateSection section = TemplateSection.Resources)
    {
        var bag = new DiagnosticBag();
        Expr(expression).Validate(new ValidationContext(BuildModel(template), bag, section));
        return bag.Items;
    }

    public static Dictionary<string, string> Params(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    public static string Text(Value value) => Assert.IsType<StringValue>(value).Text;

    public static string[] Texts(Value value) => Assert.IsType<ListValue>(value).Items.Select(i => i.TryGetText(out var t) ? t : i.ToString()).ToArray();
}
