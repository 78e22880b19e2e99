namespace Strata.Cli.Infrastructure;

/// <summary>The CLI contract's exit codes (DESIGN.md): scripts depend on them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The template or the operation failed (diagnostics, or a failed stack).</summary>
    public const int Failed = 1;

    /// <summary>Bad usage, unreadable input, unreachable service.</summary>
    public const int Usage = 2;
}
