using Strata.Templates.Model;
using Strata.Templates.Syntax;

namespace Strata.Templates.Evaluation;

/// <summary>
/// A resource that is part of the stack for the given parameter values, with its declared attributes
/// and policies (DeletionPolicy/UpdateReplacePolicy already evaluated when written as functions).
/// </summary>
public sealed class PreparedResource
{
    internal PreparedResource(ResourceDecl declaration, bool conditional, IReadOnlyList<string> dependencies, string? deletionPolicy, string? updateReplacePolicy)
    {
        Declaration = declaration;
        IsConditional = conditional;
        Dependencies = dependencies;
        DeletionPolicy = deletionPolicy;
        UpdateReplacePolicy = updateReplacePolicy;
    }

    public ResourceDecl Declaration { get; }

    public string LogicalId => Declaration.LogicalId;

    public string Type => Declaration.Type;

    /// <summary>True when the resource's condition could not be decided offline (it may not be created).</summary>
    public bool IsConditional { get; }

    /// <summary>The resources this one depends on directly (Ref, GetAtt, Sub, DependsOn): each once, and only resources the conditions keep.</summary>
    public IReadOnlyList<string> Dependencies { get; }

    /// <summary>Delete (CloudFormation's default when absent), Retain, RetainExceptOnCreate or Snapshot; null when not declared.</summary>
    public string? DeletionPolicy { get; }

    public string? UpdateReplacePolicy { get; }

    public TemplateNode? Metadata => Declaration.Metadata;

    public TemplateNode? CreationPolicy => Declaration.CreationPolicy;

    public TemplateNode? UpdatePolicy => Declaration.UpdatePolicy;

    public override string ToString() => $"{LogicalId}: {Type}";
}
