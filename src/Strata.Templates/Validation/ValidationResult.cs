using Strata.Templates.Diagnostics;
using Strata.Templates.Model;
using Strata.Templates.Syntax;

namespace Strata.Templates.Validation;

/// <summary>The findings about one template, sorted by line and column, and what was read to find them.</summary>
public sealed class ValidationResult
{
    internal ValidationResult(string fileName, IReadOnlyList<Diagnostic> diagnostics, ParsedDocument? document = null, Template? model = null)
    {
        FileName = fileName;
        Diagnostics = diagnostics;
        IsValid = !diagnostics.Any(d => d.Severity == Severity.Error);
        Document = document;
        Model = model;
    }

    /// <summary>The parsed template that was validated (null when it could not be read), for a caller that goes on to use it.</summary>
    public ParsedDocument? Document { get; }

    /// <summary>
    /// The model the validator built from <see cref="Document"/>, so a caller need not build it again; null when it
    /// could not be built. With <c>AWS::LanguageExtensions</c> its <c>Fn::ForEach</c> loops are expanded with the
    /// validation's parameter values and region.
    /// </summary>
    public Template? Model { get; }

    /// <summary>The file (or name) the template was read from.</summary>
    public string FileName { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when no finding is an error (warnings and infos do not make a template invalid).</summary>
    public bool IsValid { get; }

    public override string ToString() =>
        $"{FileName}: {(IsValid ? "valid" : "invalid")}, {Diagnostics.Count} finding(s)";
}
