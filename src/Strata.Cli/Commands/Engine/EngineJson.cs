using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Engine.Execution;
using Strata.Engine.Model;
using Strata.Engine.Planning;

namespace Strata.Cli.Commands.Engine;

/// <summary>The engine commands' <c>--format json</c> documents (shapes in DESIGN.md's CLI contract).</summary>
public static class EngineJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, JsonNode document)
    {
        output.WriteLine(document.ToJsonString(Options));
        output.Flush();
    }

    /// <summary><c>up</c> / <c>down</c>: <c>{stack, status, rootCause, outputs}</c> (plus messages when something was refused).</summary>
    public static JsonObject Operation(string stackName, OperationResult result)
    {
        var document = new JsonObject
        {
            ["stack"] = stackName,
            ["status"] = result.Stack?.Status.ToCfn(),
            ["rootCause"] = ContractJson.RootCause(result.RootCause),
            ["outputs"] = ContractJson.Outputs(result.Stack?.Outputs ?? []),
        };
        if (result.Messages.Count > 0)
        {
            document["messages"] = ContractJson.Strings(result.Messages);
        }
        return document;
    }

    public static JsonObject OutputsDocument(StackRecord stack) => new()
    {
        ["stack"] = stack.Name,
        ["status"] = stack.Status.ToCfn(),
        ["outputs"] = ContractJson.Outputs(stack.Outputs),
    };

    public static JsonObject Stacks(IEnumerable<StackRecord> stacks) => new()
    {
        ["stacks"] = new JsonArray(stacks.Select(s => (JsonNode?)new JsonObject
        {
            ["name"] = s.Name,
            ["stackId"] = s.StackId,
            ["status"] = s.Status.ToCfn(),
            ["statusReason"] = s.StatusReason,
            ["provider"] = s.Provider,
            ["created"] = s.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["updated"] = s.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["expiresAt"] = s.ExpiresAt?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["rootCause"] = ContractJson.RootCause(s.RootCause),
        }).ToArray()),
    };

    public static JsonObject Resources(StackRecord stack, IEnumerable<ResourceRecord> resources) => new()
    {
        ["stack"] = stack.Name,
        ["status"] = stack.Status.ToCfn(),
        ["resources"] = new JsonArray(resources.Select(r => (JsonNode?)new JsonObject
        {
            ["logicalId"] = r.LogicalId,
            ["type"] = r.Type,
            ["physicalId"] = r.PhysicalId,
            ["status"] = r.Status.ToCfn(),
            ["statusReason"] = r.StatusReason,
            ["current"] = r.IsCurrent,
        }).ToArray()),
    };

    public static JsonObject PlanDocument(Plan plan) => new()
    {
        ["stack"] = plan.StackName,
        ["create"] = plan.IsCreate,
        ["status"] = plan.Stack?.Status.ToCfn(),
        ["changes"] = new JsonArray(plan.Changes.Select(c =>
        {
            // The engine knows more than a change set tells: dependencies and each property's before/after.
            var change = ContractJson.Change(c);
            change["dependsOn"] = new JsonArray(c.DependsOn.Select(d => (JsonNode?)d).ToArray());
            change["properties"] = new JsonArray(c.PropertyChanges.Select(p => (JsonNode?)new JsonObject
            {
                ["name"] = p.Name,
                ["replacement"] = p.Replacement switch { ReplacementKind.Always => "True", ReplacementKind.Conditional => "Conditional", _ => "False" },
                ["before"] = p.Before?.DeepClone(),
                ["after"] = p.After?.DeepClone(),
                ["known"] = p.AfterKnown,
            }).ToArray());
            return (JsonNode?)change;
        }).ToArray()),
        ["summary"] = ContractJson.ChangeSummary(plan.Changes),
    };
}
