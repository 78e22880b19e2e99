using Strata.Templates.Evaluation;
using Strata.Templates.Model;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary>The shared shape of the Rules-section functions that take a fixed list of arguments.</summary>
public abstract class RuleFunction : FunctionExpression
{
    private readonly Expression[] _children = [];

    protected RuleFunction(MappingNode call, TemplateNode argument, int arity, string shape)
        : base(call, argument)
    {
        var seq = ListArgument(arity, arity, shape);
        if (seq is not null)
        {
            _children = new Expression[arity];
            for (var i = 0; i < arity; i++)
            {
                _children[i] = Parse(seq[i]);
            }
        }
    }

    public override string RuleId => FunctionRules.RuleFunction;

    public override IReadOnlyList<Expression> Children => _children;

    protected override void ValidateCore(ValidationContext context)
    {
        if (context.Template is not null && context.Section != TemplateSection.Rules)
        {
            context.Report(RuleId, $"{Name} can only be used in the Rules section", Node);
        }
    }

    /// <summary>The items of a list argument, or null when unknown/not a list (failing in the latter case).</summary>
    protected static IReadOnlyList<Value>? Items(Value value) => value is ListValue list && list.IsFullyKnown ? list.Items : null;
}

/// <summary>
/// The shared evaluation of the <c>[list, value]</c> rule functions, which differ only in how many of the
/// list's items must equal the value.
/// </summary>
public abstract class ListMemberFunction(MappingNode call, TemplateNode argument)
    : RuleFunction(call, argument, 2, "[list of strings, string]")
{
    public override ExpectedKind ResultKind => ExpectedKind.Boolean;

    /// <summary>Whether the items pass, given the test of one item against the value.</summary>
    protected abstract bool Matches(IReadOnlyList<Value> items, Func<Value, bool> equalsValue);

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var list = Children[0].Evaluate(context);
        var value = Children[1].Evaluate(context);
        if (!list.IsFullyKnown || !value.IsFullyKnown)
        {
            return UnknownOver(list, value);
        }

        return Items(list) is { } items
            ? Value.Bool(Matches(items, i => ConditionOperands.ValuesEqual(i, value)))
            : context.Fail(this, RuleId, $"{Name} needs a list; got {list}", ResultKind);
    }
}

/// <summary><c>Fn::Contains [list, value]</c>: whether the list holds the value.</summary>
public sealed class ContainsFunction(MappingNode call, TemplateNode argument) : ListMemberFunction(call, argument)
{
    public const string FunctionName = "Fn::Contains";

    public override string Name => FunctionName;

    protected override bool Matches(IReadOnlyList<Value> items, Func<Value, bool> equalsValue) => items.Any(equalsValue);
}

/// <summary><c>Fn::EachMemberEquals [list, value]</c>: whether every item equals the value.</summary>
public sealed class EachMemberEqualsFunction(MappingNode call, TemplateNode argument) : ListMemberFunction(call, argument)
{
    public const string FunctionName = "Fn::EachMemberEquals";

    public override string Name => FunctionName;

    protected override bool Matches(IReadOnlyList<Value> items, Func<Value, bool> equalsValue) => items.All(equalsValue);
}

/// <summary><c>Fn::EachMemberIn [list, allowed]</c>: whether every item of the first list is in the second.</summary>
public sealed class EachMemberInFunction(MappingNode call, TemplateNode argument)
    : RuleFunction(call, argument, 2, "[list of strings, list of strings]")
{
    public const string FunctionName = "Fn::EachMemberIn";

    public override string Name => FunctionName;

    public override ExpectedKind ResultKind => ExpectedKind.Boolean;

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var list = Children[0].Evaluate(context);
        var allowed = Children[1].Evaluate(context);
        if (!list.IsFullyKnown || !allowed.IsFullyKnown)
        {
            return UnknownOver(list, allowed);
        }

        if (Items(list) is not { } items || Items(allowed) is not { } set)
        {
            return context.Fail(this, RuleId, $"Fn::EachMemberIn needs two lists; got {list} and {allowed}", ResultKind);
        }

        return Value.Bool(items.All(i => set.Any(s => ConditionOperands.ValuesEqual(i, s))));
    }
}

/// <summary>
/// <c>Fn::RefAll parameterType</c>: every value of an AWS-specific parameter type in the account and
/// region (e.g. all VPC ids) — known only to the service, so an unknown list offline.
/// </summary>
public sealed class RefAllFunction : FunctionExpression
{
    public const string FunctionName = "Fn::RefAll";

    public RefAllFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        if (LiteralString(argument) is { Length: > 0 } type)
        {
            ParameterType = type;
        }
        else
        {
            Problem($"Fn::RefAll needs a parameter type such as AWS::EC2::VPC::Id; got {Describe(argument)}");
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.RuleFunction;

    public override ExpectedKind ResultKind => ExpectedKind.List;

    public string? ParameterType { get; }

    public override IReadOnlyList<Expression> Children => [];

    protected override Value EvaluateCore(EvaluationContext context) =>
        new UnknownValue(ExpectedKind.List, "Fn::RefAll " + ParameterType, UnknownReason.NotEvaluatedOffline);

    protected override void ValidateCore(ValidationContext context)
    {
        if (context.Template is not null && context.Section != TemplateSection.Rules)
        {
            context.Report(RuleId, "Fn::RefAll can only be used in the Rules section", Node);
        }
    }
}

/// <summary>
/// <c>Fn::ValueOf [parameter, attribute]</c> and <c>Fn::ValueOfAll [parameterType, attribute]</c>:
/// attributes (e.g. a VPC's tags) of the resources that parameter values name, known only to the service.
/// </summary>
public sealed class ValueOfFunction : FunctionExpression
{
    public const string FunctionName = "Fn::ValueOf";
    public const string AllFunctionName = "Fn::ValueOfAll";
    private readonly Expression[] _children = [];

    public ValueOfFunction(MappingNode call, TemplateNode argument, bool all)
        : base(call, argument)
    {
        All = all;
        var seq = ListArgument(2, 2, all ? "[parameter type, attribute]" : "[parameter name, attribute]");
        if (seq is null)
        {
            return;
        }

        if (LiteralString(seq[0]) is { Length: > 0 } subject && LiteralString(seq[1]) is { Length: > 0 } attribute)
        {
            (Subject, Attribute) = (subject, attribute);
        }
        else
        {
            Problem($"{Name}'s items must be literal names; got {Describe(seq[0])} and {Describe(seq[1])}");
        }
    }

    public override string Name => All ? AllFunctionName : FunctionName;

    public override string RuleId => FunctionRules.RuleFunction;

    public override ExpectedKind ResultKind => All ? ExpectedKind.List : ExpectedKind.Any;

    public bool All { get; }

    /// <summary>The parameter name (ValueOf) or parameter type (ValueOfAll).</summary>
    public string? Subject { get; }

    public string? Attribute { get; }

    public override IReadOnlyList<Expression> Children => _children;

    protected override Value EvaluateCore(EvaluationContext context) =>
        new UnknownValue(ResultKind, $"{Name} {Subject}.{Attribute}", UnknownReason.NotEvaluatedOffline);

    protected override void ValidateCore(ValidationContext context)
    {
        if (context.Template is null)
        {
            return;
        }

        if (context.Section != TemplateSection.Rules)
        {
            context.Report(RuleId, $"{Name} can only be used in the Rules section", Node);
        }
        else if (!All && !context.Template.Parameters.Contains(Subject!))
        {
            context.Report(RuleId, $"Fn::ValueOf refers to '{Subject}', which is not a parameter", Argument);
        }
    }
}
