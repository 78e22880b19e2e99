using Strata.Templates.Functions;
using Strata.Templates.Syntax;

namespace Strata.Templates.Model;

/// <summary>One name in a resource's <c>DependsOn</c>, with the node it was written at.</summary>
public sealed record DependsOnEntry(string LogicalId, TemplateNode Node);

/// <summary>
/// A declared resource with its attributes. Nodes are kept so that diagnostics can point at lines;
/// the <c>*Expression</c> members are the same nodes parsed into expressions for evaluation.
/// </summary>
public sealed class ResourceDecl : IDeclaration
{
    public required string LogicalId { get; init; }

    string IDeclaration.Name => LogicalId;

    /// <summary>The resource's mapping (or whatever was written there, when malformed).</summary>
    public required TemplateNode Node { get; init; }

    public SourceLocation KeyLocation { get; init; }

    /// <summary>The resource type (<c>AWS::EC2::Instance</c>, <c>Custom::Thing</c>); empty when missing or not a string.</summary>
    public string Type { get; init; } = "";

    public TemplateNode? TypeNode { get; init; }

    /// <summary>The Properties mapping, or null when absent.</summary>
    public MappingNode? Properties { get; init; }

    /// <summary>Properties parsed into an expression (a map expression), or null when absent.</summary>
    public Expression? PropertiesExpression { get; init; }

    public IReadOnlyList<DependsOnEntry> DependsOn { get; init; } = [];

    public TemplateNode? DependsOnNode { get; init; }

    /// <summary>The name of the condition that decides whether the resource is created, or null.</summary>
    public string? Condition { get; init; }

    public TemplateNode? ConditionNode { get; init; }

    public TemplateNode? Metadata { get; init; }

    public Expression? MetadataExpression { get; init; }

    /// <summary>DeletionPolicy as written when a plain string (Delete, Retain, RetainExceptOnCreate, Snapshot).</summary>
    public string? DeletionPolicy { get; init; }

    /// <summary>The DeletionPolicy node; an expression there (allowed with AWS::LanguageExtensions) is in <see cref="DeletionPolicyExpression"/>.</summary>
    public TemplateNode? DeletionPolicyNode { get; init; }

    public Expression? DeletionPolicyExpression { get; init; }

    public string? UpdateReplacePolicy { get; init; }

    public TemplateNode? UpdateReplacePolicyNode { get; init; }

    public Expression? UpdateReplacePolicyExpression { get; init; }

    public TemplateNode? CreationPolicy { get; init; }

    public Expression? CreationPolicyExpression { get; init; }

    public TemplateNode? UpdatePolicy { get; init; }

    public Expression? UpdatePolicyExpression { get; init; }

    /// <summary>True for <c>Custom::*</c> and <c>AWS::CloudFormation::CustomResource</c>.</summary>
    public bool IsCustom =>
        Type.StartsWith("Custom::", StringComparison.Ordinal) ||
        string.Equals(Type, "AWS::CloudFormation::CustomResource", StringComparison.Ordinal);

    /// <summary>Every expression of this resource whose references create dependencies.</summary>
    public IEnumerable<Expression> Expressions()
    {
        if (PropertiesExpression is not null) yield return PropertiesExpression;
        if (MetadataExpression is not null) yield return MetadataExpression;
        if (CreationPolicyExpression is not null) yield return CreationPolicyExpression;
        if (UpdatePolicyExpression is not null) yield return UpdatePolicyExpression;
        if (DeletionPolicyExpression is not null) yield return DeletionPolicyExpression;
        if (UpdateReplacePolicyExpression is not null) yield return UpdateReplacePolicyExpression;
    }

    public override string ToString() => $"{LogicalId}: {Type}";
}
