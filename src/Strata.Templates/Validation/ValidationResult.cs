using Strata.Templates.Diagnostics;

namespace Strata.Templates.Validation;

/// <summary>The findings about one template, sorted by line and column.</summary>
public sealed class ValidationResult
{
    internal ValidationResult(string fileName, IReadOnlyList<Diagnostic> diagnostics)
    {
        FileName = fileName;
        Diagnostics = diagnostics;
        IsValid = !diagnostics.Any(d => d.Severity == Severity.Error);
    }

    /// <summary>The file (or name) the template was read from.</summary>
    public string FileName { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when no finding is an error (warnings and infos do not make a template invalid).</summary>
    public bool IsValid { get; }

    public override string ToString() =>
        $"{FileName}: {(IsValid ? "valid" : "invalid")}, {Diagnostics.Count} finding(s)";
}
