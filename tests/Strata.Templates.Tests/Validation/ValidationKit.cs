using Strata.Templates.Diagnostics;
using Strata.Templates.Syntax;
using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

/// <summary>Validates inline templates and picks findings out of the result.</summary>
internal static class ValidationKit
{
    public static ValidationResult Validate(string text, string fileName = "template.yaml", ValidationOptions? options = null) =>
        TemplateValidator.Validate(TemplateParser.ParseText(text, fileName), options);

    public static ValidationResult Validate(string text, IReadOnlyDictionary<string, string> parameters) =>
        Validate(text, options: new ValidationOptions { Parameters = parameters });

    public static IReadOnlyList<Diagnostic> WithRule(this ValidationResult result, string rule) =>
        result.Diagnostics.Where(d => d.Rule == rule).ToList();

    /// <summary>The one finding of <paramref name="rule"/>; fails listing every finding when there is not exactly one.</summary>
    public static Diagnostic Single(this ValidationResult result, string rule)
    {
        var matches = result.WithRule(rule);
        Assert.True(matches.Count == 1, $"expected one {rule} finding, got {matches.Count}:\n{Describe(result)}");
        return matches[0];
    }

    public static void None(this ValidationResult result, string rule)
    {
        var matches = result.WithRule(rule);
        Assert.True(matches.Count == 0, $"expected no {rule} finding:\n{Describe(result)}");
    }

    /// <summary>Asserts the finding's path and 1-based position.</summary>
    public static Diagnostic At(this Diagnostic diagnostic, string path, int line, int column)
    {
        Assert.Equal(path, diagnostic.Path);
        Assert.Equal(new SourceLocation(line, column), diagnostic.Location);
        return diagnostic;
    }

    public static string Describe(ValidationResult result) =>
        result.Diagnostics.Count == 0 ? "(no findings)" : string.Join("\n", result.Diagnostics.Select(d => d.ToString()));
}
