using Strata.Templates.Evaluation;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary><c>Fn::Length list</c> (AWS::LanguageExtensions): the number of items in a list.</summary>
public sealed class LengthFunction : FunctionExpression
{
    public const string FunctionName = "Fn::Length";
    private readonly Expression[] _children = [];

    public LengthFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        if (argument is SequenceNode || IsCall(argument))
        {
            List = Parse(argument);
            _children = [List];
        }
        else
        {
            Problem($"Fn::Length needs a list or a function returning one; got {Describe(argument)}");
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.Length;

    public override ExpectedKind ResultKind => ExpectedKind.Number;

    public Expression? List { get; }

    public override IReadOnlyList<Expression> Children => _children;

    protected override Value EvaluateCore(EvaluationContext context)
    {
        // The count is known even when the items are not.
        return List!.Evaluate(context) switch
        {
            ListValue list => Value.Num(list.Count),
            UnknownValue u => UnknownOver(u),
            var other => context.Fail(this, RuleId, $"Fn::Length needs a list; got {other}", ResultKind),
        };
    }

    protected override void ValidateCore(ValidationContext context)
    {
        if (context.Template is not null && !context.LanguageExtensions)
        {
            context.Report(RuleId, "Fn::Length needs the AWS::LanguageExtensions transform", Node);
        }
    }
}

/// <summary><c>Fn::ToJsonString object-or-list</c> (AWS::LanguageExtensions): the value as compact JSON text.</summary>
public sealed class ToJsonStringFunction : FunctionExpression
{
    public const string FunctionName = "Fn::ToJsonString";
    private readonly Expression[] _children = [];

    public ToJsonStringFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        if (argument is SequenceNode or MappingNode)
        {
            Content = Parse(argument);
            _children = [Content];
        }
        else
        {
            Problem($"Fn::ToJsonString needs a mapping or a list (or a function returning one); got {Describe(argument)}");
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.ToJsonString;

    public override ExpectedKind ResultKind => ExpectedKind.String;

    public Expression? Content { get; }

    public override IReadOnlyList<Expression> Children => _children;

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var value = Content!.Evaluate(context);
        if (!value.IsFullyKnown)
        {
            return UnknownOver(value);
        }

        return value is ListValue or MapValue
            ? Value.Str(ValueJson.ToJsonString(value))
            : context.Fail(this, RuleId, $"Fn::ToJsonString needs a mapping or a list; got {value}", ResultKind);
    }

    protected override void ValidateCore(ValidationContext context)
    {
        if (context.Template is not null && !context.LanguageExtensions)
        {
            context.Report(RuleId, "Fn::ToJsonString needs the AWS::LanguageExtensions transform", Node);
        }
    }
}

/// <summary>
/// <c>Fn::Transform {Name, Parameters}</c>: a macro (e.g. <c>AWS::Include</c>) run by CloudFormation's
/// service; offline its result is an unknown that names the macro.
/// </summary>
public sealed class TransformFunction : FunctionExpression
{
    public const string FunctionName = "Fn::Transform";
    private readonly Expression[] _children = [];

    public TransformFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        // AWS's own macro examples also write it as a one-item list of that mapping.
        var body = argument is SequenceNode { Count: 1 } single ? single[0] : argument;
        if (body is MappingNode map && map.TryGetValue("Name", out var name) && LiteralString(name) is { Length: > 0 } macro)
        {
            MacroName = macro;
            if (map.TryGetValue("Parameters", out var parameters))
            {
                Parameters = Parse(parameters);
                _children = [Parameters];
            }
        }
        else
        {
            Problem($"Fn::Transform needs {{Name: macro, Parameters: {{...}}}}; got {Describe(argument)}");
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.Transform;

    public override ExpectedKind ResultKind => ExpectedKind.Any;

    public string? MacroName { get; }

    public Expression? Parameters { get; }

    public override IReadOnlyList<Expression> Children => _children;

    protected override Value EvaluateCore(EvaluationContext context) =>
        new UnknownValue(ExpectedKind.Any, $"Fn::Transform {MacroName} (a macro CloudFormation runs; not evaluated offline)", UnknownReason.NotEvaluatedOffline);
}
