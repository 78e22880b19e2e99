using System.Text;
using Strata.Templates.Evaluation;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary><c>Fn::Join [delimiter, [values]]</c>: the values joined into one string.</summary>
public sealed class JoinFunction : FunctionExpression
{
    public const string FunctionName = "Fn::Join";
    private readonly Expression[] _children = [];

    public JoinFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        var seq = ListArgument(2, 2, "[delimiter, [values]]");
        if (seq is null)
        {
            return;
        }

        if (seq[0] is ScalarNode { Type: not ScalarType.Null } d)
        {
            Delimiter = d.Text;
        }
        else
        {
            Problem($"Fn::Join's delimiter must be a string; got {Describe(seq[0])}", seq[0]);
        }

        if (seq[1] is SequenceNode || IsCall(seq[1]))
        {
            Values = Parse(seq[1]);
            _children = [Values];
        }
        else
        {
            Problem($"Fn::Join's second item must be a list of values or a function returning one; got {Describe(seq[1])}", seq[1]);
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.Join;

    public override ExpectedKind ResultKind => ExpectedKind.String;

    public string? Delimiter { get; }

    public Expression? Values { get; }

    public override IReadOnlyList<Expression> Children => _children;

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var values = Values!.Evaluate(context);
        if (values is UnknownValue)
        {
            return UnknownOver(values);
        }

        if (values is not ListValue list)
        {
            return context.Fail(this, RuleId, $"Fn::Join needs a list of values to join; got {values}", ResultKind);
        }

        if (!list.IsFullyKnown)
        {
            return UnknownOver(list);
        }

        var sb = new StringBuilder();
        var first = true;
        foreach (var item in list.Items)
        {
            if (item is NoValue)
            {
                continue;
            }

            if (!item.TryGetText(out var text))
            {
                return context.Fail(this, RuleId, $"Fn::Join can only join strings; got {item}", ResultKind);
            }

            if (!first)
            {
                sb.Append(Delimiter);
            }

            sb.Append(text);
            first = false;
        }

        return Value.Str(sb.ToString());
    }
}
