using Strata.Templates.Syntax;

namespace Strata.Templates.Diagnostics;

/// <summary>
/// One finding about a template, as a value: a stable rule id (cfn-lint's number where the meaning is
/// the same), a severity, a message, and where it is — the template path
/// (<c>Resources/Web/Properties/ImageId</c>) and the line and column.
/// </summary>
public sealed record Diagnostic(
    string Rule,
    Severity Severity,
    string Message,
    string? Path = null,
    SourceLocation Location = default)
{
    public static Diagnostic Error(string rule, string message, string? path = null, SourceLocation location = default) =>
        new(rule, Severity.Error, message, path, location);

    public static Diagnostic Warning(string rule, string message, string? path = null, SourceLocation location = default) =>
        new(rule, Severity.Warning, message, path, location);

    public static Diagnostic Info(string rule, string message, string? path = null, SourceLocation location = default) =>
        new(rule, Severity.Info, message, path, location);

    public override string ToString() =>
        $"{Location} {Severity.ToString().ToLowerInvariant()} {Rule} {Message}" + (Path is null ? "" : $" ({Path})");
}
