using Strata.Templates.Functions;
using Strata.Templates.Syntax;

namespace Strata.Templates.Model;

/// <summary>A declared output: its Value and optional Export.Name, Condition and Description.</summary>
public sealed class OutputDecl : IDeclaration
{
    public required string Name { get; init; }

    public required TemplateNode Node { get; init; }

    public SourceLocation KeyLocation { get; init; }

    public TemplateNode? ValueNode { get; init; }

    public Expression? Value { get; init; }

    public TemplateNode? ExportNameNode { get; init; }

    public Expression? ExportName { get; init; }

    public string? Condition { get; init; }

    public TemplateNode? ConditionNode { get; init; }

    public string? Description { get; init; }

    public IEnumerable<Expression> Expressions()
    {
        if (Value is not null) yield return Value;
        if (ExportName is not null) yield return ExportName;
    }

    public override string ToString() => Name;
}
