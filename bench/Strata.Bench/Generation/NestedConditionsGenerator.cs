using System.Globalization;
using System.Text.Json.Nodes;

namespace Strata.Bench.Generation;

/// <summary>
/// Generates a template whose conditions build on each other: condition <c>C{i}</c> combines <c>C{i-1}</c>,
/// <c>C{i-2}</c> (and sometimes <c>C{i-3}</c> or <c>C{i-4}</c>) with Fn::And / Fn::Or / Fn::Not / Fn::Equals over
/// parameters, so the last condition depends on nearly every earlier one (C0 and C2 are never referenced; the
/// chain from C1 and C3 on is what matters). Resources are created under these
/// conditions and choose property values through Fn::If nested three deep.
/// </summary>
/// <remarks>
/// The chain is the shape that punishes an evaluator which recomputes a condition each time it is referenced
/// (the work grows like Fibonacci numbers) or a linter that enumerates condition combinations; an evaluator
/// that decides each condition once stays linear in the number of conditions.
/// </remarks>
internal static class NestedConditionsGenerator
{
    private const int ParameterCount = 8;

    /// <summary>The chain refers back four conditions; below twice that it is not a chain yet.</summary>
    public const int MinimumConditions = 8;

    public static JsonObject Generate(int conditionCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(conditionCount, MinimumConditions);
        var parameters = new JsonObject();
        for (var p = 0; p < ParameterCount; p++)
        {
            parameters[Parameter(p)] = new JsonObject
            {
                ["Type"] = "String",
                ["Default"] = "a",
                ["AllowedValues"] = new JsonArray("a", "b", "c"),
            };
        }

        var conditions = new JsonObject();
        for (var i = 0; i < conditionCount; i++)
        {
            conditions[Condition(i)] = ConditionBody(i);
        }

        var resources = new JsonObject();
        var outputs = new JsonObject();
        var resourceCount = conditionCount / 2;
        for (var r = 0; r < resourceCount; r++)
        {
            var own = Condition(2 * r + 1);
            resources[Queue(r)] = QueueResource(r, own, conditionCount);
            if (r % 4 == 0)
            {
                outputs[Queue(r) + "Arn"] = new JsonObject
                {
                    ["Condition"] = own,
                    ["Value"] = Fn.GetAtt(Queue(r), "Arn"),
                };
            }
        }

        return new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = $"Generated benchmark template: {conditionCount} chained conditions, {resourceCount} conditional resources with nested Fn::If.",
            ["Parameters"] = parameters,
            ["Conditions"] = conditions,
            ["Resources"] = resources,
            ["Outputs"] = outputs,
        };
    }

    private static JsonNode ConditionBody(int i)
    {
        var parameter = Fn.Ref(Parameter(i % ParameterCount));
        if (i < 4)
        {
            return Fn.Equal(parameter, "a");
        }

        return (i % 4) switch
        {
            0 => Fn.And(Fn.Condition(Condition(i - 1)), Fn.Not(Fn.Condition(Condition(i - 3)))),
            1 => Fn.Or(Fn.Condition(Condition(i - 1)), Fn.Equal(parameter, "b"), Fn.Condition(Condition(i - 2))),
            2 => Fn.Not(Fn.And(Fn.Condition(Condition(i - 2)), Fn.Or(Fn.Condition(Condition(i - 1)), Fn.Equal(parameter, "c")))),
            _ => Fn.And(
                Fn.Or(Fn.Condition(Condition(i - 1)), Fn.Condition(Condition(i - 4))),
                Fn.Not(Fn.Equal(Fn.Ref("AWS::Region"), "us-east-1")),
                Fn.Equal(parameter, "a")),
        };
    }

    private static JsonObject QueueResource(int r, string ownCondition, int conditionCount)
    {
        // Conditions spread over the whole chain, so resources refer to shallow and deep ones alike.
        string Pick(int salt) => Condition((r * 7 + salt * 13) % conditionCount);

        return new JsonObject
        {
            ["Type"] = "AWS::SQS::Queue",
            ["Condition"] = ownCondition,
            ["Properties"] = new JsonObject
            {
                ["DelaySeconds"] = Fn.If(Pick(1), 0, Fn.If(Pick(2), 5, Fn.If(Pick(3), 10, 15))),
                ["VisibilityTimeout"] = Fn.If(Pick(2), 30, Fn.If(Pick(4), 60, Fn.If(Pick(5), 90, 120))),
                ["MessageRetentionPeriod"] = Fn.If(Pick(3), 345600, 1209600),
                ["Tags"] = Fn.If(Pick(4),
                    new JsonArray(new JsonObject
                    {
                        ["Key"] = "tier",
                        ["Value"] = Fn.If(Pick(1), "gold", Fn.If(Pick(5), "silver", "bronze")),
                    }),
                    Fn.NoValue()),
            },
        };
    }

    private static string Parameter(int p) => "Option" + p.ToString(CultureInfo.InvariantCulture);

    private static string Condition(int i) => "C" + i.ToString(CultureInfo.InvariantCulture);

    private static string Queue(int r) => "Queue" + r.ToString(CultureInfo.InvariantCulture);
}
