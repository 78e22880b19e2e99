using Strata.Templates.Syntax;

namespace Strata.Templates.Functions;

/// <summary>
/// Turns nodes into expressions. A single-key mapping whose key is a known function name is a call.
/// <c>{"Condition": "Name"}</c> is a call only where a condition is expected (a condition's body, the
/// items of Fn::And/Or/Not, rule conditions and assertions — see <see cref="ParseCondition"/>) and its
/// argument is a string, as in CloudFormation; elsewhere it is an ordinary property named Condition.
/// Everything else is a literal, list or map.
/// </summary>
public static class ExpressionParser
{
    private delegate Expression Factory(MappingNode call, TemplateNode argument);

    private static readonly Dictionary<string, Factory> Functions = new(StringComparer.Ordinal)
    {
        [RefFunction.FunctionName] = (c, a) => new RefFunction(c, a),
        [GetAttFunction.FunctionName] = (c, a) => new GetAttFunction(c, a),
        [JoinFunction.FunctionName] = (c, a) => new JoinFunction(c, a),
        [SubFunction.FunctionName] = (c, a) => new SubFunction(c, a),
        [SelectFunction.FunctionName] = (c, a) => new SelectFunction(c, a),
        [SplitFunction.FunctionName] = (c, a) => new SplitFunction(c, a),
        [FindInMapFunction.FunctionName] = (c, a) => new FindInMapFunction(c, a),
        [GetAZsFunction.FunctionName] = (c, a) => new GetAZsFunction(c, a),
        [Base64Function.FunctionName] = (c, a) => new Base64Function(c, a),
        [CidrFunction.FunctionName] = (c, a) => new CidrFunction(c, a),
        [ImportValueFunction.FunctionName] = (c, a) => new ImportValueFunction(c, a),
        [GetStackOutputFunction.FunctionName] = (c, a) => new GetStackOutputFunction(c, a),
        [IfFunction.FunctionName] = (c, a) => new IfFunction(c, a),
        [AndFunction.FunctionName] = (c, a) => new AndFunction(c, a),
        [OrFunction.FunctionName] = (c, a) => new OrFunction(c, a),
        [NotFunction.FunctionName] = (c, a) => new NotFunction(c, a),
        [EqualsFunction.FunctionName] = (c, a) => new EqualsFunction(c, a),
        [LengthFunction.FunctionName] = (c, a) => new LengthFunction(c, a),
        [ToJsonStringFunction.FunctionName] = (c, a) => new ToJsonStringFunction(c, a),
        [TransformFunction.FunctionName] = (c, a) => new TransformFunction(c, a),
        [ContainsFunction.FunctionName] = (c, a) => new ContainsFunction(c, a),
        [EachMemberEqualsFunction.FunctionName] = (c, a) => new EachMemberEqualsFunction(c, a),
        [EachMemberInFunction.FunctionName] = (c, a) => new EachMemberInFunction(c, a),
        [RefAllFunction.FunctionName] = (c, a) => new RefAllFunction(c, a),
        [ValueOfFunction.FunctionName] = (c, a) => new ValueOfFunction(c, a, all: false),
        [ValueOfFunction.AllFunctionName] = (c, a) => new ValueOfFunction(c, a, all: true),
    };

    /// <summary>Every function name this parser knows (<c>Ref</c>, <c>Condition</c>, <c>Fn::*</c>).</summary>
    public static IReadOnlyCollection<string> FunctionNames { get; } =
        [.. Functions.Keys, ConditionFunction.FunctionName];

    public static bool IsFunctionName(string key) =>
        Functions.ContainsKey(key) || string.Equals(key, ConditionFunction.FunctionName, StringComparison.Ordinal);

    /// <summary>True when <paramref name="node"/> is a function call whose value is computed.</summary>
    public static bool IsFunctionCall(TemplateNode node) =>
        node is MappingNode map && map.TryGetSingleEntry(out var e) && IsCallEntry(e);

    public static Expression Parse(TemplateNode node) => Parse(node, conditionContext: false);

    /// <summary>Parses a node where a condition is expected, so that <c>{"Condition": "Name"}</c> is the Condition function.</summary>
    public static Expression ParseCondition(TemplateNode node) => Parse(node, conditionContext: true);

    private static Expression Parse(TemplateNode node, bool conditionContext)
    {
        switch (node)
        {
            case ScalarNode scalar:
                return new LiteralExpression(scalar);
            case SequenceNode seq:
                var items = new Expression[seq.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Parse(seq[i]);
                }

                return new ListExpression(seq, items);
            case MappingNode map:
                if (map.TryGetSingleEntry(out var entry) && IsCallEntry(entry))
                {
                    if (!string.Equals(entry.Key, ConditionFunction.FunctionName, StringComparison.Ordinal))
                    {
                        return Functions[entry.Key](map, entry.Value);
                    }

                    if (conditionContext)
                    {
                        return new ConditionFunction(map, entry.Value);
                    }
                }

                var entries = new KeyValuePair<string, Expression>[map.Count];
                for (var i = 0; i < entries.Length; i++)
                {
                    var e = map.Entries[i];
                    entries[i] = new KeyValuePair<string, Expression>(e.Key, Parse(e.Value));
                }

                return new MapExpression(map, entries);
            default:
                throw new ArgumentException($"Unexpected node type {node.GetType().Name}", nameof(node));
        }
    }

    private static bool IsCallEntry(MappingEntry entry) =>
        Functions.ContainsKey(entry.Key)
        || (string.Equals(entry.Key, ConditionFunction.FunctionName, StringComparison.Ordinal)
            && entry.Value is ScalarNode { Type: ScalarType.String });
}
