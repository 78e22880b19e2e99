using System.Globalization;
using System.Text.Json.Nodes;
using Strata.Engine.Planning;

namespace Strata.Engine.Model;

/// <summary>
/// The pieces of the CLI contract's <c>--format json</c> documents (DESIGN.md) that engine stacks and
/// CloudFormation-mode stacks share, built here once so that both providers' documents keep the same shape.
/// </summary>
public static class ContractJson
{
    /// <summary><c>{logicalId, type, errorCode, message}</c>, or null when nothing failed.</summary>
    public static JsonNode? RootCause(RootCause? cause) => cause is null ? null : new JsonObject
    {
        ["logicalId"] = cause.LogicalId,
        ["type"] = cause.Type,
        ["errorCode"] = cause.ErrorCode,
        ["message"] = cause.Message,
    };

    /// <summary><c>{key: value, ...}</c> in the outputs' order.</summary>
    public static JsonObject Outputs(IEnumerable<StackOutput> outputs)
    {
        var json = new JsonObject();
        foreach (var output in outputs)
        {
            json[output.Key] = output.Value;
        }
        return json;
    }

    /// <summary>A list of messages or warnings: <c>["...", ...]</c>.</summary>
    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    /// <summary><c>events</c>: <c>{events: [{time, stack, logicalId, physicalId, type, status, reason}]}</c>, in the given order.</summary>
    public static JsonObject Events(IEnumerable<StackEvent> events) => new()
    {
        ["events"] = new JsonArray(events.Select(e => (JsonNode?)new JsonObject
        {
            ["time"] = e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["stack"] = e.StackName,
            ["logicalId"] = e.LogicalId,
            ["physicalId"] = e.PhysicalId,
            ["type"] = e.ResourceType,
            ["status"] = e.Status,
            ["reason"] = e.Reason,
        }).ToArray()),
    };

    /// <summary>One planned change: <c>{action, logicalId, type, physicalId, replacement, scope, reason}</c>.</summary>
    public static JsonObject Change(PlannedChange change) => new()
    {
        ["action"] = change.Action.ToString(),
        ["logicalId"] = change.LogicalId,
        ["type"] = change.Type,
        ["physicalId"] = change.PhysicalId,
        ["replacement"] = Replacement(change),
        ["scope"] = change.Scope.ToString(),
        ["reason"] = change.Reason,
    };

    /// <summary>A plan's <c>summary</c>: <c>{add, modify, replace, remove}</c> counts.</summary>
    public static JsonObject ChangeSummary(IEnumerable<PlannedChange> changes) => new()
    {
        ["add"] = changes.Count(c => c.Action == ChangeAction.Add),
        ["modify"] = changes.Count(c => c.Action == ChangeAction.Modify),
        ["replace"] = changes.Count(c => c.Action == ChangeAction.Replace),
        ["remove"] = changes.Count(c => c.Action == ChangeAction.Remove),
    };

    /// <summary>CloudFormation's change-set wording: True / Conditional / False (null for Add and Remove).</summary>
    private static string? Replacement(PlannedChange change) => change.Action switch
    {
        ChangeAction.Replace => "True",
        ChangeAction.Modify => change.Replacement == ReplacementKind.Conditional ? "Conditional" : "False",
        _ => null,
    };
}
