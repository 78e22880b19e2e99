namespace Strata.Templates.Syntax;

/// <summary>Rule ids of findings made while reading the text (cfn-lint's numbers).</summary>
public static class SyntaxRules
{
    /// <summary>The text could not be parsed as JSON or YAML, or breaks a reading limit.</summary>
    public const string ParseError = "E0000";

    /// <summary>The file could not be read at all (missing, a directory, binary, empty).</summary>
    public const string Unreadable = "E0000";
}
