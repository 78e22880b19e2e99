using Strata.Templates.Evaluation;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary>
/// <c>Fn::FindInMap [MapName, TopLevelKey, SecondLevelKey]</c>, with the optional fourth item
/// <c>{DefaultValue: value}</c> of the <c>AWS::LanguageExtensions</c> transform, returned when a key is missing.
/// </summary>
public sealed class FindInMapFunction : FunctionExpression
{
    public const string FunctionName = "Fn::FindInMap";
    public const string DefaultValueKey = "DefaultValue";
    private readonly Expression[] _children = [];

    public FindInMapFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        var seq = ListArgument(3, 4, "[MapName, TopLevelKey, SecondLevelKey] (and optionally {DefaultValue: value})");
        if (seq is null)
        {
            return;
        }

        var parts = new Expression[3];
        for (var i = 0; i < 3; i++)
        {
            if (seq[i] is ScalarNode { Type: not ScalarType.Null } || IsCall(seq[i]))
            {
                parts[i] = Parse(seq[i]);
            }
            else
            {
                Problem($"Fn::FindInMap's item {i + 1} must be a name or a function returning one; got {Describe(seq[i])}", seq[i]);
            }
        }

        if (seq.Count == 4)
        {
            if (seq[3] is MappingNode options && options.Count == 1 && options.TryGetValue(DefaultValueKey, out var defaultNode))
            {
                DefaultValue = Parse(defaultNode);
            }
            else
            {
                Problem($"Fn::FindInMap's fourth item must be {{DefaultValue: value}}; got {Describe(seq[3])}", seq[3]);
            }
        }

        if (IsWellFormed)
        {
            (MapName, TopLevelKey, SecondLevelKey) = (parts[0], parts[1], parts[2]);
            _children = DefaultValue is null ? parts : [.. parts, DefaultValue];
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.FindInMap;

    public override ExpectedKind ResultKind => ExpectedKind.Any;

    public Expression? MapName { get; }

    public Expression? TopLevelKey { get; }

    public Expression? SecondLevelKey { get; }

    /// <summary>The <c>DefaultValue</c> option, or null.</summary>
    public Expression? DefaultValue { get; }

    public override IReadOnlyList<Expression> Children => _children;

    public override void Accept(ReferenceVisitor visitor)
    {
        if (MapName is LiteralExpression { StringText: { } name })
        {
            visitor.OnMapping(name, this);
        }

        base.Accept(visitor);
    }

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var map = MapName!.Evaluate(context);
        var top = TopLevelKey!.Evaluate(context);
        var second = SecondLevelKey!.Evaluate(context);
        if (map is UnknownValue || top is UnknownValue || second is UnknownValue)
        {
            return UnknownOver(map, top, second);
        }

        if (!map.TryGetText(out var mapName) || !top.TryGetText(out var topKey) || !second.TryGetText(out var secondKey))
        {
            return context.Fail(this, RuleId, $"Fn::FindInMap's names must be strings; got [{map}, {top}, {second}]", ResultKind);
        }

        if (!context.Template.Mappings.TryGet(mapName, out var mapping))
        {
            return Missing(context, $"Fn::FindInMap refers to mapping '{mapName}', which is not declared in Mappings");
        }

        if (!mapping.TryGetValue(topKey, secondKey, out var node))
        {
            var what = mapping.ContainsTopLevelKey(topKey) ? $"key '{secondKey}' under '{topKey}'" : $"top-level key '{topKey}'";
            return Missing(context, $"Mapping '{mapName}' has no {what}");
        }

        return NodeValues.FromNode(node);
    }

    protected override void ValidateCore(ValidationContext context)
    {
        if (DefaultValue is not null && context.Template is not null && !context.LanguageExtensions)
        {
            context.Report(RuleId, "Fn::FindInMap's DefaultValue needs the AWS::LanguageExtensions transform", DefaultValue.Node);
        }

        if (context.Template is null || MapName is not LiteralExpression { Scalar.Text: var mapName })
        {
            return;
        }

        if (!context.Template.Mappings.TryGet(mapName, out var mapping))
        {
            context.Report(RuleId, $"Fn::FindInMap refers to mapping '{mapName}', which is not declared in Mappings", MapName.Node);
            return;
        }

        if (DefaultValue is not null || TopLevelKey is not LiteralExpression { Scalar.Text: var topKey })
        {
            return;
        }

        if (!mapping.ContainsTopLevelKey(topKey))
        {
            context.Report(RuleId, $"Mapping '{mapName}' has no top-level key '{topKey}'", TopLevelKey.Node);
        }
        else if (SecondLevelKey is LiteralExpression { Scalar.Text: var secondKey } && !mapping.TryGetValue(topKey, secondKey, out _))
        {
            context.Report(RuleId, $"Mapping '{mapName}' has no key '{secondKey}' under '{topKey}'", SecondLevelKey.Node);
        }
    }

    private Value Missing(EvaluationContext context, string message) =>
        DefaultValue is not null ? DefaultValue.Evaluate(context) : context.Fail(this, RuleId, message, ResultKind);
}
