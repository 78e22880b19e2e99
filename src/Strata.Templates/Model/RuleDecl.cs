using Strata.Templates.Functions;
using Strata.Templates.Syntax;

namespace Strata.Templates.Model;

/// <summary>One assertion of a rule: a condition over parameter values and its message.</summary>
public sealed record RuleAssertion(Expression Assert, string? AssertDescription, TemplateNode Node);

/// <summary>A rule of the Rules section: when <see cref="RuleCondition"/> holds, every assertion must hold.</summary>
public sealed class RuleDecl : IDeclaration
{
    public required string Name { get; init; }

    public required TemplateNode Node { get; init; }

    public SourceLocation KeyLocation { get; init; }

    public Expression? RuleCondition { get; init; }

    public IReadOnlyList<RuleAssertion> Assertions { get; init; } = [];

    public override string ToString() => Name;
}
