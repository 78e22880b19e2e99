using Strata.Templates.Evaluation;
using Strata.Templates.Model;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary>Helpers shared by the condition functions.</summary>
internal static class ConditionOperands
{
    /// <summary>A condition operand as a boolean: true/false, null when unknown; false in <paramref name="ok"/> when not a boolean at all.</summary>
    public static bool? ToBoolean(Value value, out bool ok)
    {
        ok = true;
        switch (value)
        {
            case BooleanValue b:
                return b.Value;
            case UnknownValue:
                return null;
            case StringValue s when bool.TryParse(s.Text, out var parsed):
                return parsed;
            default:
                ok = false;
                return null;
        }
    }

    /// <summary>
    /// CloudFormation's Fn::Equals: scalars compare by their text (so <c>1</c> equals <c>"1"</c> and
    /// <c>true</c> equals <c>"true"</c>), lists item by item, maps key by key.
    /// </summary>
    public static bool ValuesEqual(Value a, Value b)
    {
        if (a.TryGetText(out var x) && b.TryGetText(out var y))
        {
            return string.Equals(x, y, StringComparison.Ordinal);
        }

        if (a is ListValue la && b is ListValue lb)
        {
            if (la.Count != lb.Count)
            {
                return false;
            }

            for (var i = 0; i < la.Count; i++)
            {
                if (!ValuesEqual(la[i], lb[i]))
                {
                    return false;
                }
            }

            return true;
        }

        return a.Equals(b);
    }

    /// <summary>True when <paramref name="node"/> can stand where a condition is expected.</summary>
    public static bool IsConditionOperand(TemplateNode node) =>
        ExpressionParser.IsFunctionCall(node) || node is ScalarNode { Type: ScalarType.Boolean };
}

/// <summary><c>Condition: Name</c>: the value of a named condition (inside other conditions and Fn::And/Or/Not).</summary>
public sealed class ConditionFunction : FunctionExpression
{
    public const string FunctionName = "Condition";

    public ConditionFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        if (argument is ScalarNode { Type: ScalarType.String } s && s.Text.Length > 0)
        {
            ConditionName = s.Text;
        }
        else
        {
            Problem($"Condition needs the name of a condition; got {Describe(argument)}");
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.Condition;

    public override ExpectedKind ResultKind => ExpectedKind.Boolean;

    public string? ConditionName { get; }

    public override IReadOnlyList<Expression> Children => [];

    public override void Accept(ReferenceVisitor visitor)
    {
        if (ConditionName is not null)
        {
            visitor.OnCondition(ConditionName, this);
        }
    }

    protected override Value EvaluateCore(EvaluationContext context) => context.ConditionValue(ConditionName!, this);

    protected override void ValidateCore(ValidationContext context)
    {
        if (context.Template is not null && !context.Template.Conditions.Contains(ConditionName!))
        {
            context.Report(FunctionRules.ConditionNotFound, $"Condition '{ConditionName}' is not declared in the Conditions section", Argument);
        }
    }
}

/// <summary><c>Fn::Equals [a, b]</c>: whether two values are equal.</summary>
public sealed class EqualsFunction : FunctionExpression
{
    public const string FunctionName = "Fn::Equals";
    private readonly Expression[] _children = [];

    public EqualsFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        var seq = ListArgument(2, 2, "[value1, value2]");
        if (seq is not null)
        {
            _children = [Parse(seq[0]), Parse(seq[1])];
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.Equals;

    public override ExpectedKind ResultKind => ExpectedKind.Boolean;

    public override IReadOnlyList<Expression> Children => _children;

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var a = _children[0].Evaluate(context);
        var b = _children[1].Evaluate(context);
        if (!a.IsFullyKnown || !b.IsFullyKnown)
        {
            return UnknownOver(a, b);
        }

        return Value.Bool(ConditionOperands.ValuesEqual(a, b));
    }
}

/// <summary><c>Fn::Not [condition]</c>.</summary>
public sealed class NotFunction : FunctionExpression
{
    public const string FunctionName = "Fn::Not";
    private readonly Expression[] _children = [];

    public NotFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        var seq = ListArgument(1, 1, "a list of exactly one condition");
        if (seq is null)
        {
            return;
        }

        if (!ConditionOperands.IsConditionOperand(seq[0]))
        {
            Problem($"Fn::Not's item must be a condition (Condition, Fn::Equals, Fn::And, Fn::Or, Fn::Not); got {Describe(seq[0])}", seq[0]);
        }

        _children = [ParseCondition(seq[0])];
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.Not;

    public override ExpectedKind ResultKind => ExpectedKind.Boolean;

    public override IReadOnlyList<Expression> Children => _children;

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var value = _children[0].Evaluate(context);
        var b = ConditionOperands.ToBoolean(value, out var ok);
        if (!ok)
        {
            return context.Fail(this, RuleId, $"Fn::Not needs a condition; got {value}", ResultKind);
        }

        return b is { } known ? Value.Bool(!known) : UnknownOver(value);
    }
}

/// <summary>The shared shape of <c>Fn::And</c> and <c>Fn::Or</c>: 2 to 10 conditions.</summary>
public abstract class LogicalFunction : FunctionExpression
{
    private readonly Expression[] _children = [];

    protected LogicalFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        var seq = ListArgument(2, 10, "a list of 2 to 10 conditions");
        if (seq is null)
        {
            return;
        }

        _children = new Expression[seq.Count];
        for (var i = 0; i < seq.Count; i++)
        {
            if (!ConditionOperands.IsConditionOperand(seq[i]))
            {
                Problem($"{Name}'s items must be conditions (Condition, Fn::Equals, Fn::And, Fn::Or, Fn::Not); got {Describe(seq[i])}", seq[i]);
            }

            _children[i] = ParseCondition(seq[i]);
        }
    }

    public override ExpectedKind ResultKind => ExpectedKind.Boolean;

    public override IReadOnlyList<Expression> Children => _children;

    /// <summary>The value that decides the result on its own: false for And, true for Or.</summary>
    protected abstract bool Dominant { get; }

    protected override Value EvaluateCore(EvaluationContext context)
    {
        List<Value>? unknowns = null;
        foreach (var child in _children)
        {
            var value = child.Evaluate(context);
            var b = ConditionOperands.ToBoolean(value, out var ok);
            if (!ok)
            {
                return context.Fail(this, RuleId, $"{Name} needs conditions; got {value}", ResultKind);
            }

            if (b == Dominant)
            {
                return Value.Bool(Dominant);
            }

            if (b is null)
            {
                (unknowns ??= []).Add(value);
            }
        }

        return unknowns is null ? Value.Bool(!Dominant) : UnknownValue.Combine(ResultKind, Name, unknowns);
    }
}

/// <summary><c>Fn::And [c1, c2, ...]</c>: true when every condition is true.</summary>
public sealed class AndFunction(MappingNode call, TemplateNode argument) : LogicalFunction(call, argument)
{
    public const string FunctionName = "Fn::And";

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.And;

    protected override bool Dominant => false;
}

/// <summary><c>Fn::Or [c1, c2, ...]</c>: true when any condition is true.</summary>
public sealed class OrFunction(MappingNode call, TemplateNode argument) : LogicalFunction(call, argument)
{
    public const string FunctionName = "Fn::Or";

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.Or;

    protected override bool Dominant => true;
}

/// <summary>
/// <c>Fn::If [condition, valueIfTrue, valueIfFalse]</c>. When the condition cannot be decided offline
/// both branches are evaluated: equal known branches give that value, otherwise an unknown that
/// depends on both (and references in both count for the dependency graph).
/// </summary>
public sealed class IfFunction : FunctionExpression
{
    public const string FunctionName = "Fn::If";
    private readonly Expression[] _children = [];

    public IfFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        var seq = ListArgument(3, 3, "[condition name, value if true, value if false]");
        if (seq is null)
        {
            return;
        }

        if (seq[0] is ScalarNode { Type: ScalarType.String } s && s.Text.Length > 0)
        {
            ConditionName = s.Text;
        }
        else
        {
            Problem($"Fn::If's first item must be a condition name; got {Describe(seq[0])}", seq[0]);
        }

        (WhenTrue, WhenFalse) = (Parse(seq[1]), Parse(seq[2]));
        _children = [WhenTrue, WhenFalse];
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.If;

    public override ExpectedKind ResultKind => ExpectedKind.Any;

    public string? ConditionName { get; }

    public Expression? WhenTrue { get; }

    public Expression? WhenFalse { get; }

    public override IReadOnlyList<Expression> Children => _children;

    public override void Accept(ReferenceVisitor visitor)
    {
        if (ConditionName is null)
        {
            base.Accept(visitor);
            return;
        }

        visitor.OnCondition(ConditionName, this);
        switch (visitor.DecidedCondition(ConditionName))
        {
            case true:
                WhenTrue!.Accept(visitor);
                break;
            case false:
                WhenFalse!.Accept(visitor);
                break;
            default:
                base.Accept(visitor);
                break;
        }
    }

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var condition = context.ConditionValue(ConditionName!, this);
        if (condition is BooleanValue b)
        {
            return (b.Value ? WhenTrue! : WhenFalse!).Evaluate(context);
        }

        if (condition is UnknownValue { Reason: UnknownReason.Error })
        {
            return condition;
        }

        var whenTrue = WhenTrue!.Evaluate(context);
        var whenFalse = WhenFalse!.Evaluate(context);
        if (whenTrue.IsFullyKnown && whenTrue.Equals(whenFalse))
        {
            return whenTrue;
        }

        var kind = KindOf(whenTrue) is var k && k == KindOf(whenFalse) ? k : ExpectedKind.Any;
        var unknown = UnknownValue.Combine(kind, $"{Name} {ConditionName}", [condition, whenTrue, whenFalse]);
        return new UnknownValue(kind, unknown.Source, unknown.Reason > UnknownReason.ConditionUndecided ? unknown.Reason : UnknownReason.ConditionUndecided, unknown.ResourceDependencies);
    }

    protected override void ValidateCore(ValidationContext context)
    {
        if (context.Template is not null && !context.Template.Conditions.Contains(ConditionName!))
        {
            context.Report(FunctionRules.ConditionNotFound, $"Fn::If refers to condition '{ConditionName}', which is not declared in the Conditions section", ((SequenceNode)Argument)[0]);
        }
    }

    private static ExpectedKind KindOf(Value value) => value switch
    {
        UnknownValue u => u.Expected,
        StringValue => ExpectedKind.String,
        NumberValue => ExpectedKind.Number,
        BooleanValue => ExpectedKind.Boolean,
        ListValue => ExpectedKind.List,
        MapValue => ExpectedKind.Map,
        _ => ExpectedKind.Any,
    };
}
