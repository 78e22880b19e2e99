namespace Strata.Templates.Functions;

/// <summary>
/// Receives the references an expression makes. The dependency graph, the validator and the condition
/// evaluator each subclass it. <see cref="DecidedCondition"/> lets a visitor prune the branch of an
/// <c>Fn::If</c> that a decided condition rules out (CloudFormation ignores references there).
/// </summary>
public abstract class ReferenceVisitor
{
    /// <summary>The value of condition <paramref name="name"/> when decided; null to visit both branches.</summary>
    public virtual bool? DecidedCondition(string name) => null;

    /// <summary>A <c>Ref</c> (or a Sub <c>${Name}</c>) to a parameter, resource or pseudo parameter.</summary>
    public virtual void OnRef(string target, Expression at)
    {
    }

    /// <summary>An <c>Fn::GetAtt</c> (or a Sub <c>${Res.Attr}</c>); <paramref name="attribute"/> is null when computed.</summary>
    public virtual void OnGetAtt(string resource, string? attribute, Expression at)
    {
    }

    /// <summary>A condition named by <c>Fn::If</c> or the <c>Condition</c> function.</summary>
    public virtual void OnCondition(string name, Expression at)
    {
    }

    /// <summary>A literal mapping name of <c>Fn::FindInMap</c>.</summary>
    public virtual void OnMapping(string name, Expression at)
    {
    }
}
