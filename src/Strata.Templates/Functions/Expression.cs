using Strata.Templates.Evaluation;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary>
/// A parsed template value: a literal, a list, a map, or an intrinsic/condition function call. Each
/// kind validates its own shape (<see cref="Validate"/>), evaluates itself — partially, yielding typed
/// unknowns for what is known only later (<see cref="Evaluate"/>) — and reports what it refers to
/// (<see cref="Accept"/>), so the dependency graph falls out of the functions (Heat's design).
/// </summary>
public abstract class Expression
{
    protected Expression(TemplateNode node) => Node = node;

    /// <summary>The source node: for a function call, the single-key mapping <c>{"Fn::X": ...}</c>.</summary>
    public TemplateNode Node { get; }

    public string Path => Node.Path;

    public SourceLocation Location => Node.Location;

    /// <summary>The directly nested expressions (arguments, list items, map values).</summary>
    public abstract IReadOnlyList<Expression> Children { get; }

    /// <summary>Parses any template node into an expression; never throws (malformed calls report at validation).</summary>
    public static Expression Parse(TemplateNode node) => ExpressionParser.Parse(node);

    /// <summary>Parses a node where a condition is expected (<c>{"Condition": "Name"}</c> is then the Condition function).</summary>
    public static Expression ParseCondition(TemplateNode node) => ExpressionParser.ParseCondition(node);

    /// <summary>Evaluates as far as the context allows; errors become diagnostics in the context and an error-unknown.</summary>
    public abstract Value Evaluate(EvaluationContext context);

    /// <summary>Checks argument shapes and targets (Ref/GetAtt/Condition/FindInMap names), reporting into the context.</summary>
    public virtual void Validate(ValidationContext context)
    {
        // Indexed rather than foreach: Children is an interface, and its enumerator would be allocated per node.
        var children = Children;
        for (var i = 0; i < children.Count; i++)
        {
            children[i].Validate(context);
        }
    }

    /// <summary>Reports references (Ref, GetAtt, Sub variables, conditions) to <paramref name="visitor"/>.</summary>
    public virtual void Accept(ReferenceVisitor visitor)
    {
        var children = Children;
        for (var i = 0; i < children.Count; i++)
        {
            children[i].Accept(visitor);
        }
    }

    /// <summary>
    /// The resources of <paramref name="template"/> this expression refers to (Ref, GetAtt, Sub
    /// variables), sorted; with <paramref name="conditions"/>, Fn::If branches ruled out are skipped.
    /// </summary>
    public IReadOnlyList<string> Dependencies(Model.Template template, ConditionResults? conditions = null)
    {
        var collector = new DependencyCollector(template, conditions);
        Accept(collector);
        return [.. collector.Found];
    }

    /// <summary>This expression and everything nested in it, depth-first in source order (iterative).</summary>
    public IEnumerable<Expression> DescendantsAndSelf()
    {
        var pending = new Stack<Expression>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            var children = current.Children;
            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
    }

    public override string ToString() => Node.ToString();

    private sealed class DependencyCollector(Model.Template template, ConditionResults? conditions) : ReferenceVisitor
    {
        public SortedSet<string> Found { get; } = new(StringComparer.Ordinal);

        public override bool? DecidedCondition(string name) => conditions?[name];

        public override void OnRef(string target, Expression at)
        {
            if (template.Resources.Contains(target))
            {
                Found.Add(target);
            }
        }

        public override void OnGetAtt(string resource, string? attribute, Expression at)
        {
            if (template.Resources.Contains(resource))
            {
                Found.Add(resource);
            }
        }
    }
}
