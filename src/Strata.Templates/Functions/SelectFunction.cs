using System.Globalization;
using Strata.Templates.Evaluation;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary><c>Fn::Select [index, list]</c>: the item at a zero-based index.</summary>
public sealed class SelectFunction : FunctionExpression
{
    public const string FunctionName = "Fn::Select";
    private readonly Expression[] _children = [];

    public SelectFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        var seq = ListArgument(2, 2, "[index, list]");
        if (seq is null)
        {
            return;
        }

        if (seq[0] is ScalarNode { Type: ScalarType.Number or ScalarType.String } || IsCall(seq[0]))
        {
            Index = Parse(seq[0]);
        }
        else
        {
            Problem($"Fn::Select's index must be a number; got {Describe(seq[0])}", seq[0]);
        }

        if (seq[1] is SequenceNode || IsCall(seq[1]))
        {
            List = Parse(seq[1]);
        }
        else
        {
            Problem($"Fn::Select's second item must be a list or a function returning one; got {Describe(seq[1])}", seq[1]);
        }

        if (Index is not null && List is not null)
        {
            _children = [Index, List];
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.Select;

    public override ExpectedKind ResultKind => ExpectedKind.Any;

    public Expression? Index { get; }

    public Expression? List { get; }

    public override IReadOnlyList<Expression> Children => _children;

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var index = Index!.Evaluate(context);
        var list = List!.Evaluate(context);
        if (index is UnknownValue || list is UnknownValue)
        {
            return UnknownOver(index, list);
        }

        if (!index.TryGetText(out var indexText) || !int.TryParse(indexText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
        {
            return context.Fail(this, RuleId, $"Fn::Select's index must be an integer; got {index}", ResultKind);
        }

        if (list is not ListValue items)
        {
            return context.Fail(this, RuleId, $"Fn::Select needs a list to select from; got {list}", ResultKind);
        }

        if (i < 0 || i >= items.Count)
        {
            return context.Fail(this, RuleId, $"Fn::Select's index {i} is out of range for a list of {items.Count} item(s)", ResultKind);
        }

        return items[i];
    }

    protected override void ValidateCore(ValidationContext context)
    {
        if (Index is LiteralExpression literal
            && (!int.TryParse(literal.Scalar.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) || i < 0))
        {
            context.Report(RuleId, $"Fn::Select's index must be a non-negative integer; got '{literal.Scalar.Text}'", literal.Node);
        }
        else if (Index is LiteralExpression l && List is ListExpression items
                 && int.Parse(l.Scalar.Text, CultureInfo.InvariantCulture) >= items.Items.Count)
        {
            context.Report(RuleId, $"Fn::Select's index {l.Scalar.Text} is out of range for a list of {items.Items.Count} item(s)", l.Node);
        }
    }
}
