namespace Strata.Templates.Syntax;

/// <summary>A 1-based line and column in a template's source text.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    public static readonly SourceLocation None = new(0, 0);

    public bool IsKnown => Line > 0;

    public override string ToString() => IsKnown ? $"{Line}:{Column}" : "?";
}
