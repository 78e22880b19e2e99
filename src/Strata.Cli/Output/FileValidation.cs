using Strata.Templates.Diagnostics;

namespace Strata.Cli.Output;

/// <summary>What <c>strata validate</c> found in one file.</summary>
public sealed record FileValidation(string Path, IReadOnlyList<Diagnostic> Diagnostics, bool Unreadable)
{
    public bool Valid => !Unreadable && Diagnostics.All(d => d.Severity != Severity.Error);
}
