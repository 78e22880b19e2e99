using Strata.Templates.Syntax;

namespace Strata.Templates.Model;

/// <summary>
/// A declared parameter. Constraint values are kept as read; ones of the wrong type are reported when
/// the model is built and left null here. <see cref="TypeInfo"/> classifies <see cref="Type"/>.
/// </summary>
public sealed class ParameterDecl : IDeclaration
{
    public required string Name { get; init; }

    /// <summary>The declaration (normally a mapping); diagnostics point at it.</summary>
    public required TemplateNode Node { get; init; }

    public SourceLocation KeyLocation { get; init; }

    /// <summary>The declared type text (<c>String</c>, <c>List&lt;AWS::EC2::Subnet::Id&gt;</c>...); empty when missing.</summary>
    public string Type { get; init; } = "";

    public ParameterType TypeInfo { get; init; } = ParameterType.Parse("");

    /// <summary>The Default node, when declared.</summary>
    public TemplateNode? DefaultNode { get; init; }

    /// <summary>The default as CloudFormation reads it (scalars as text; a list is joined with commas), or null.</summary>
    public string? Default { get; init; }

    /// <summary>AllowedValues as text, or null when not declared.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    public TemplateNode? AllowedValuesNode { get; init; }

    public string? AllowedPattern { get; init; }

    public TemplateNode? AllowedPatternNode { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public double? MinValue { get; init; }

    public double? MaxValue { get; init; }

    public bool NoEcho { get; init; }

    public string? ConstraintDescription { get; init; }

    public string? Description { get; init; }

    public override string ToString() => $"{Name}: {Type}";
}
