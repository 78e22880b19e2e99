namespace Strata.Templates.Syntax;

/// <summary>
/// Bounds that keep hostile input (deep nesting, alias bombs, huge files) to bounded time and memory.
/// CloudFormation itself accepts at most 1 MB from S3; Strata reads somewhat more so it can say by how much
/// a template is over.
/// </summary>
public sealed record ParserLimits
{
    public static readonly ParserLimits Default = new();

    /// <summary>Largest file read at all. Larger files get one error without being parsed.</summary>
    public long MaxBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences.</summary>
    public int MaxDepth { get; init; } = TemplateParser.MaxNestingDepth;

    /// <summary>Most nodes one document may produce, counting each expansion of a YAML alias.</summary>
    public int MaxNodes { get; init; } = 2_000_000;
}
