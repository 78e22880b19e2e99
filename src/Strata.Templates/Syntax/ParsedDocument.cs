using Strata.Templates.Diagnostics;

namespace Strata.Templates.Syntax;

/// <summary>
/// The result of reading one template file: the node tree (null when the text could not be parsed at
/// all) and the syntax diagnostics. A document with a root may still carry errors (e.g. an unknown tag).
/// </summary>
public sealed record ParsedDocument(
    string FileName,
    TemplateFormat Format,
    TemplateNode? Root,
    IReadOnlyList<Diagnostic> Diagnostics,
    long ByteLength)
{
    /// <summary>True when the file itself could not be read (missing, a directory, no permission), as opposed to bad content.</summary>
    public bool IsUnreadable { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
