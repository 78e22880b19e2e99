namespace Strata.Cli.Infrastructure;

/// <summary>Where a command writes, and whether stdout is a terminal (colour, live views).</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, bool IsTerminal)
{
    /// <summary>Colour only on a terminal, and never when NO_COLOR is set (no-color.org).</summary>
    public bool UseColor => IsTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}
