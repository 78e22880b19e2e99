using Strata.Templates.Evaluation;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary>
/// An intrinsic or condition function call <c>{"Fn::X": argument}</c>. Subclasses read the argument in
/// their constructor, recording shape problems instead of throwing; <see cref="Validate"/> reports
/// them with the function's rule id, and <see cref="Evaluate"/> of a malformed call yields an
/// error-unknown.
/// </summary>
public abstract class FunctionExpression : Expression
{
    private List<(string Message, TemplateNode At)>? _problems;

    protected FunctionExpression(MappingNode call, TemplateNode argument)
        : base(call) => Argument = argument;

    /// <summary>The function's long-form name, e.g. <c>Fn::Join</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The rule id used for this function's findings.</summary>
    public abstract string RuleId { get; }

    /// <summary>What the function returns, for typing unknown results.</summary>
    public abstract ExpectedKind ResultKind { get; }

    /// <summary>The argument node (the value under the function's key).</summary>
    public TemplateNode Argument { get; }

    public bool IsWellFormed => _problems is null;

    /// <summary>The shape problems found while reading the argument.</summary>
    public IEnumerable<string> Problems => _problems?.Select(p => p.Message) ?? [];

    public sealed override Value Evaluate(EvaluationContext context)
    {
        if (_problems is not null)
        {
            return context.Fail(this, RuleId, _problems[0].Message, ResultKind, _problems[0].At);
        }

        return EvaluateCore(context);
    }

    public sealed override void Validate(ValidationContext context)
    {
        if (_problems is not null)
        {
            foreach (var (message, at) in _problems)
            {
                context.Report(RuleId, message, at);
            }
        }
        else
        {
            ValidateCore(context);
        }

        var children = Children;
        for (var i = 0; i < children.Count; i++)
        {
            children[i].Validate(context);
        }
    }

    protected abstract Value EvaluateCore(EvaluationContext context);

    /// <summary>Checks beyond the shape (targets exist, allowed section); only called for well-formed calls.</summary>
    protected virtual void ValidateCore(ValidationContext context)
    {
    }

    protected void Problem(string message, TemplateNode? at = null)
    {
        _problems ??= [];
        _problems.Add((message, at ?? Argument));
    }

    /// <summary>An unknown of this function's result kind, waiting on every unknown in <paramref name="inputs"/>.</summary>
    protected UnknownValue UnknownOver(params Value[] inputs) => UnknownValue.Combine(ResultKind, Name, inputs);

    /// <summary>Reads an argument that must be a list of <paramref name="min"/>..<paramref name="max"/> items.</summary>
    protected SequenceNode? ListArgument(int min, int max, string shape)
    {
        if (Argument is SequenceNode seq && seq.Count >= min && seq.Count <= max)
        {
            return seq;
        }

        Problem($"{Name} needs {shape}; got {Describe(Argument)}");
        return null;
    }

    /// <summary>True when <paramref name="node"/> is a function call (its value is computed).</summary>
    protected static bool IsCall(TemplateNode node) => ExpressionParser.IsFunctionCall(node);

    /// <summary>A short description of a node for messages ("a list of 2 items", "the string 'x'").</summary>
    public static string Describe(TemplateNode node) => node switch
    {
        ScalarNode { Type: ScalarType.Null } => "null",
        ScalarNode { Type: ScalarType.String } s => $"the string '{Truncate(s.Text)}'",
        ScalarNode { Type: ScalarType.Number } s => $"the number {Truncate(s.Text)}",
        ScalarNode s => $"the boolean {s.Text}",
        SequenceNode seq => seq.Count == 1 ? "a list of 1 item" : $"a list of {seq.Count} items",
        MappingNode m when m.TryGetSingleEntry(out var e) && ExpressionParser.IsFunctionName(e.Key) => $"a {e.Key} call",
        MappingNode => "a mapping",
        _ => "an unexpected value",
    };

    /// <summary>The literal string of a node (a scalar that is not null), or null.</summary>
    protected static string? LiteralString(TemplateNode node) =>
        node is ScalarNode { Type: not ScalarType.Null } s ? s.Text : null;

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
