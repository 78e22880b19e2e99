using Strata.Templates.Diagnostics;

namespace Strata.Cli.Output;

/// <summary>
/// Writes findings as <c>file:line:col severity rule message</c>, the shape editors and CI logs link to,
/// coloured by severity on a terminal, then one summary line.
/// </summary>
public static class TextDiagnosticWriter
{
    private const string Reset = "\u001b[0m";

    public static void Write(TextWriter output, IReadOnlyList<FileValidation> files, bool color)
    {
        int errors = 0, warnings = 0, infos = 0;
        foreach (var file in files)
        {
            foreach (var d in file.Diagnostics)
            {
                var where = d.Location.IsKnown ? $"{file.Path}:{d.Location.Line}:{d.Location.Column}" : file.Path;
                var severity = d.Severity.ToString().ToLowerInvariant();
                if (color)
                {
                    severity = ColorOf(d.Severity) + severity + Reset;
                }

                output.WriteLine($"{where}: {severity} {d.Rule} {d.Message}");
                switch (d.Severity)
                {
                    case Severity.Error: errors++; break;
                    case Severity.Warning: warnings++; break;
                    default: infos++; break;
                }
            }
        }

        var invalid = files.Count(f => !f.Valid);
        var summary = $"{files.Count} file(s) checked: {invalid} invalid, {errors} error(s), {warnings} warning(s), {infos} info";
        output.WriteLine(color ? (invalid > 0 ? "\u001b[31m" : "\u001b[32m") + summary + Reset : summary);
    }

    private static string ColorOf(Severity severity) => severity switch
    {
        Severity.Error => "\u001b[31m",
        Severity.Warning => "\u001b[33m",
        _ => "\u001b[36m",
    };
}
