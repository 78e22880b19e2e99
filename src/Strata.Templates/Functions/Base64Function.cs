using System.Text;
using Strata.Templates.Evaluation;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary><c>Fn::Base64 text</c>: the Base64 encoding of the UTF-8 text.</summary>
public sealed class Base64Function : FunctionExpression
{
    public const string FunctionName = "Fn::Base64";
    private readonly Expression[] _children = [];

    public Base64Function(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        if (argument is ScalarNode { Type: not ScalarType.Null } || IsCall(argument))
        {
            Text = Parse(argument);
            _children = [Text];
        }
        else
        {
            Problem($"Fn::Base64 needs a string or a function returning one; got {Describe(argument)}");
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.Base64;

    public override ExpectedKind ResultKind => ExpectedKind.String;

    public Expression? Text { get; }

    public override IReadOnlyList<Expression> Children => _children;

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var value = Text!.Evaluate(context);
        if (value is UnknownValue)
        {
            return UnknownOver(value);
        }

        return value.TryGetText(out var text)
            ? Value.Str(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)))
            : context.Fail(this, RuleId, $"Fn::Base64 needs a string; got {value}", ResultKind);
    }
}
