using System.Globalization;
using Strata.Templates.Evaluation;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary><c>Fn::Cidr [ipBlock, count, cidrBits]</c>: a list of subnet CIDR blocks (IPv4 or IPv6).</summary>
public sealed class CidrFunction : FunctionExpression
{
    public const string FunctionName = "Fn::Cidr";
    private readonly Expression[] _children = [];

    public CidrFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        var seq = ListArgument(3, 3, "[ipBlock, count, cidrBits]");
        if (seq is null)
        {
            return;
        }

        var parts = new Expression[3];
        string[] names = ["ipBlock", "count", "cidrBits"];
        for (var i = 0; i < 3; i++)
        {
            if (seq[i] is ScalarNode { Type: ScalarType.String or ScalarType.Number } || IsCall(seq[i]))
            {
                parts[i] = Parse(seq[i]);
            }
            else
            {
                Problem($"Fn::Cidr's {names[i]} must be {(i == 0 ? "a CIDR string" : "a number")} or a function returning one; got {Describe(seq[i])}", seq[i]);
            }
        }

        if (IsWellFormed)
        {
            (IpBlock, Count, CidrBits) = (parts[0], parts[1], parts[2]);
            _children = parts;
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.Cidr;

    public override ExpectedKind ResultKind => ExpectedKind.List;

    public Expression? IpBlock { get; }

    public Expression? Count { get; }

    public Expression? CidrBits { get; }

    public override IReadOnlyList<Expression> Children => _children;

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var block = IpBlock!.Evaluate(context);
        var count = Count!.Evaluate(context);
        var bits = CidrBits!.Evaluate(context);
        if (block is UnknownValue || count is UnknownValue || bits is UnknownValue)
        {
            return UnknownOver(block, count, bits);
        }

        if (!block.TryGetText(out var blockText))
        {
            return context.Fail(this, RuleId, $"Fn::Cidr's ipBlock must be a string; got {block}", ResultKind);
        }

        if (!TryInt(count, out var n) || !TryInt(bits, out var b))
        {
            return context.Fail(this, RuleId, $"Fn::Cidr's count and cidrBits must be integers; got {count} and {bits}", ResultKind);
        }

        return CidrMath.TrySplit(blockText, n, b, out var subnets, out var error)
            ? Value.StringList(subnets)
            : context.Fail(this, RuleId, "Fn::Cidr: " + error, ResultKind);
    }

    protected override void ValidateCore(ValidationContext context)
    {
        foreach (var part in (Expression[])[Count!, CidrBits!])
        {
            if (part is LiteralExpression literal && !int.TryParse(literal.Scalar.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                context.Report(RuleId, $"Fn::Cidr's count and cidrBits must be integers; got '{literal.Scalar.Text}'", literal.Node);
            }
        }

        if (IpBlock is LiteralExpression { Scalar.Text: var cidr } && Count is LiteralExpression c && CidrBits is LiteralExpression b
            && int.TryParse(c.Scalar.Text, CultureInfo.InvariantCulture, out var n) && int.TryParse(b.Scalar.Text, CultureInfo.InvariantCulture, out var bits)
            && !CidrMath.TrySplit(cidr, n, bits, out _, out var error))
        {
            context.Report(RuleId, "Fn::Cidr: " + error, Argument);
        }
    }

    private static bool TryInt(Value value, out int result)
    {
        result = 0;
        return value.TryGetText(out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out result);
    }
}
