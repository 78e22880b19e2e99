using Strata.Engine.Planning;
using Strata.Providers.Aws.Services.CloudFormation;

namespace Strata.Providers.Aws.CloudFormation;

/// <summary>CloudFormation's change-set entries as the engine's planned changes, with the same wording of reasons.</summary>
public static class ChangeSetMapping
{
    public static PlannedChange ToPlannedChange(ResourceChange change)
    {
        var properties = change.Details
            .Where(d => d.TargetAttribute == "Properties" && !string.IsNullOrEmpty(d.TargetName))
            .GroupBy(d => d.TargetName!, StringComparer.Ordinal)
            .Select(g => new PropertyChange(g.Key, g.Max(d => Recreation(d.RequiresRecreation)), null, null,
                AfterKnown: g.All(d => d.Evaluation != "Dynamic")))
            .ToList();
        var replacement = Replacement(change.Replacement);
        var action = change.Action switch
        {
            "Add" or "Import" => ChangeAction.Add,
            "Remove" => ChangeAction.Remove,
            // CloudFormation's Modify with Replacement=True creates a new physical resource: the engine's Replace.
            _ => replacement == ReplacementKind.Always ? ChangeAction.Replace : ChangeAction.Modify,
        };
        var metadataOnly = change.Scope.Count > 0 && change.Scope.All(s => s == "Metadata");
        return new PlannedChange
        {
            Action = action,
            LogicalId = change.LogicalResourceId,
            Type = change.ResourceType,
            PhysicalId = change.PhysicalResourceId,
            Replacement = action is ChangeAction.Modify or ChangeAction.Replace ? replacement : ReplacementKind.Never,
            Scope = metadataOnly ? ChangeScope.Metadata : ChangeScope.Properties,
            PropertyChanges = properties,
            Reason = Reason(change, replacement, properties),
        };
    }

    private static string Reason(ResourceChange change, ReplacementKind replacement, List<PropertyChange> properties)
    {
        switch (change.Action)
        {
            case "Add":
                return "New resource";
            case "Import":
                return "Imported into the stack";
            case "Remove":
                return "No longer in the template; deleted";
            case "Dynamic":
                return "Decided when the change set runs (dynamic reference or macro)";
        }
        var verb = replacement switch
        {
            ReplacementKind.Always => "replaced",
            ReplacementKind.Conditional => "updated in place, or replaced if the provider cannot",
            _ => "updated in place",
        };
        if (properties.Count == 0)
        {
            var scopes = change.Scope.Count == 0 ? "its definition" : string.Join(", ", change.Scope);
            return $"Changed: {scopes}; {verb}";
        }
        var parts = properties.Select(p => p.Name + (p.AfterKnown ? "" : " (known after apply)") + p.Replacement switch
        {
            ReplacementKind.Always => " [requires replacement]",
            ReplacementKind.Conditional => " [may require replacement]",
            _ => "",
        });
        return $"Changed: {string.Join(", ", parts)}; {verb}";
    }

    /// <summary>A change's Replacement: True / Conditional / False.</summary>
    private static ReplacementKind Replacement(string? value) => value switch
    {
        "True" => ReplacementKind.Always,
        "Conditional" => ReplacementKind.Conditional,
        _ => ReplacementKind.Never,
    };

    /// <summary>A detail's RequiresRecreation: Always / Conditionally / Never.</summary>
    private static ReplacementKind Recreation(string? value) => value switch
    {
        "Always" => ReplacementKind.Always,
        "Conditionally" => ReplacementKind.Conditional,
        _ => ReplacementKind.Never,
    };
}
