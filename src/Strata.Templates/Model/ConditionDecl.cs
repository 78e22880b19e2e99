using Strata.Templates.Functions;
using Strata.Templates.Syntax;

namespace Strata.Templates.Model;

/// <summary>A named condition of the Conditions section.</summary>
public sealed class ConditionDecl : IDeclaration
{
    public required string Name { get; init; }

    /// <summary>The condition's body (e.g. the <c>{"Fn::Equals": [...]}</c> mapping).</summary>
    public required TemplateNode Node { get; init; }

    public SourceLocation KeyLocation { get; init; }

    public required Expression Expression { get; init; }

    public override string ToString() => Name;
}
