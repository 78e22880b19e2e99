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
            ["rootCause"] = ContractJson.RootCause(result.RootCause),
            ["outputs"] = ContractJson.Outputs(result.Outputs),
        };
        if (result.Messages.Count > 0) document["messages"] = ContractJson.Strings(result.Messages);
        if (result.Warnings.Count > 0) document["warnings"] = ContractJson.Strings(result.Warnings);
        return document;
    }

    /// <summary><c>outputs</c>: <c>{stack, status, outputs}</c>.</summary>
    public static JsonObject Outputs(CloudFormationStackView view) => new()
    {
        ["stack"] = view.StackName,
        ["status"] = view.Status,
        ["outputs"] = ContractJson.Outputs(view.Outputs),
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
        ["changes"] = new JsonArray(plan.Changes.Select(c => (JsonNode?)ContractJson.Change(c)).ToArray()),
        ["summary"] = ContractJson.ChangeSummary(plan.Changes),
    };
}
