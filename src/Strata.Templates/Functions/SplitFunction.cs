using Strata.Templates.Evaluation;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary><c>Fn::Split [delimiter, source]</c>: a string split into a list of strings.</summary>
public sealed class SplitFunction : FunctionExpression
{
    public const string FunctionName = "Fn::Split";
    private readonly Expression[] _children = [];

    public SplitFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        var seq = ListArgument(2, 2, "[delimiter, source string]");
        if (seq is null)
        {
            return;
        }

        if (seq[0] is ScalarNode { Type: ScalarType.String } d && d.Text.Length > 0)
        {
            Delimiter = d.Text;
        }
        else
        {
            Problem($"Fn::Split's delimiter must be a non-empty literal string (functions are not allowed there); got {Describe(seq[0])}", seq[0]);
        }

        if (seq[1] is ScalarNode { Type: not ScalarType.Null } || IsCall(seq[1]))
        {
            Source = Parse(seq[1]);
            _children = [Source];
        }
        else
        {
            Problem($"Fn::Split's source must be a string or a function returning one; got {Describe(seq[1])}", seq[1]);
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.Split;

    public override ExpectedKind ResultKind => ExpectedKind.List;

    public string? Delimiter { get; }

    public Expression? Source { get; }

    public override IReadOnlyList<Expression> Children => _children;

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var source = Source!.Evaluate(context);
        if (source is UnknownValue)
        {
            return UnknownOver(source);
        }

        if (!source.TryGetText(out var text))
        {
            return context.Fail(this, RuleId, $"Fn::Split needs a string to split; got {source}", ResultKind);
        }

        return Value.StringList(text.Split(Delimiter!, StringSplitOptions.None));
    }
}
