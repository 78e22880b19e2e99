using System.Globalization;
using System.Text.Json.Nodes;
using Strata.Engine.Model;
using Strata.Engine.Planning;

namespace Strata.Providers.Aws.CloudFormation;

/// <summary>The CLI contract's <c>--format json</c> documents for CloudFormation-mode stacks (same shapes as the engine's).</summary>
public static class CloudFormationJson
{
    /// <summary><c>up</c> / <c>down</c>: <c>{stack, status, rootCause, outputs}</c>, plus messages and warnings when there are any.</summary>
    public static JsonObject Operation(DeploymentResult result)
    {
        var document = new JsonObject
        {
            ["stack"] = result.StackName,
            ["status"] = result.Status,
            ["rootCause"] = RootCause(result.RootCause),
            ["outputs"] = Outputs(result.Outputs),
        };
        if (result.Messages.Count > 0) document["messages"] = Strings(result.Messages);
        if (result.Warnings.Count > 0) document["warnings"] = Strings(result.Warnings);
        return document;
    }

    /// <summary><c>outputs</c>: <c>{stack, status, outputs}</c>.</summary>
    public static JsonObject Outputs(CloudFormationStackView view) => new()
    {
        ["stack"] = view.StackName,
        ["status"] = view.Status,
        ["outputs"] = Outputs(view.Outputs),
    };

    /// <summary><c>events</c>: <c>{events: [{time, logicalId, physicalId, type, status, reason}]}</c>, oldest first.</summary>
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

    /// <summary><c>resources</c>: <c>{stack, status, resources: [{logicalId, type, physicalId, status, statusReason}]}</c>.</summary>
    public static JsonObject Resources(CloudFormationStackView view, IEnumerable<CloudFormationResource> resources) => new()
    {
        ["stack"] = view.StackName,
        ["status"] = view.Status,
        ["resources"] = new JsonArray(resources.Select(r => (JsonNode?)new JsonObject
        {
            ["logicalId"] = r.LogicalId,
            ["type"] = r.Type,
            ["physicalId"] = r.PhysicalId,
            ["status"] = r.Status,
            ["statusReason"] = r.StatusReason,
        }).ToArray()),
    };

    /// <summary>The plan (the change set's changes), in the engine's plan document shape.</summary>
    public static JsonObject Plan(ChangeSetPlan plan) => new()
    {
        ["stack"] = plan.StackName,
        ["create"] = plan.IsCreate,
        ["status"] = plan.PreviousStatus,
        ["changeSetId"] = plan.ChangeSetId,
        ["changes"] = new JsonArray(plan.Changes.Select(c => (JsonNode?)new JsonObject
        {
            ["action"] = c.Action.ToString(),
            ["logicalId"] = c.LogicalId,
            ["type"] = c.Type,
            ["physicalId"] = c.PhysicalId,
            ["replacement"] = c.Action switch
            {
                ChangeAction.Replace => "True",
                ChangeAction.Modify => c.Replacement == ReplacementKind.Conditional ? "Conditional" : "False",
                _ => null,
            },
            ["scope"] = c.Scope.ToString(),
            ["reason"] = c.Reason,
        }).ToArray()),
        ["summary"] = new JsonObject
        {
            ["add"] = plan.Count(ChangeAction.Add),
            ["modify"] = plan.Count(ChangeAction.Modify),
            ["replace"] = plan.Count(ChangeAction.Replace),
            ["remove"] = plan.Count(ChangeAction.Remove),
        },
    };

    private static JsonNode? RootCause(RootCause? cause) => cause is null ? null : new JsonObject
    {
        ["logicalId"] = cause.LogicalId,
        ["type"] = cause.Type,
        ["errorCode"] = cause.ErrorCode,
        ["message"] = cause.Message,
    };

    private static JsonObject Outputs(IEnumerable<StackOutput> outputs)
    {
        var json = new JsonObject();
        foreach (var output in outputs) json[output.Key] = output.Value;
        return json;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
