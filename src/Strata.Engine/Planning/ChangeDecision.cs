using System.Text.Json.Nodes;
using Strata.Engine.Definition;
using Strata.Engine.Model;

namespace Strata.Engine.Planning;

/// <summary>What to do with one resource, decided from its record and its evaluated template values.</summary>
public sealed record ChangeDecision(ChangeAction Action, ReplacementKind Replacement, ChangeScope Scope, IReadOnlyList<PropertyChange> Changes, string Reason);

/// <summary>
/// Compares a recorded resource with what the template now says. Used twice: by the planner (with
/// unknowns for what is not created yet) and by the apply walk at the moment a resource starts (with
/// every value known), so the apply acts on real values, not on the plan's guesses.
/// </summary>
public static class ChangeDecider
{
    public static ChangeDecision Decide(ResourceRecord? record, string type, ResolvedResource desired, IReplacementRules rules)
    {
        if (record is null || !record.Status.Exists())
        {
            return new(ChangeAction.Add, ReplacementKind.Never, ChangeScope.Properties, [], "New resource");
        }
        if (record.PhysicalId is null)
        {
            return new(ChangeAction.Add, ReplacementKind.Never, ChangeScope.Properties, [], "Its previous create did not finish; creating it");
        }
        if (!string.Equals(record.Type, type, StringComparison.Ordinal))
        {
            return new(ChangeAction.Replace, ReplacementKind.Always, ChangeScope.Properties, [], $"Type changes from {record.Type} to {type} (requires replacement)");
        }

        var changes = DiffProperties(record.Properties.ToObject(), desired, type, rules);
        if (record.Status == ResourceStatus.CreateFailed)
        {
            return new(ChangeAction.Replace, ReplacementKind.Always, ChangeScope.Properties, changes, "Its previous create failed; replacing it");
        }
        if (changes.Count == 0)
        {
            if (record.Status == ResourceStatus.UpdateFailed)
            {
                return new(ChangeAction.Modify, ReplacementKind.Never, ChangeScope.Properties, [], "Its previous update failed; updating it again");
            }
            return JsonNode.DeepEquals(record.Metadata?.ToObject(), desired.Metadata)
                ? new(ChangeAction.None, ReplacementKind.Never, ChangeScope.Properties, [], "No change")
                : new(ChangeAction.Modify, ReplacementKind.Never, ChangeScope.Metadata, [], "Metadata changes (no change to the cloud resource)");
        }

        var replacement = changes.Max(c => c.Replacement);
        var action = replacement == ReplacementKind.Always ? ChangeAction.Replace : ChangeAction.Modify;
        return new(action, replacement, ChangeScope.Properties, changes, Describe(changes, replacement));
    }

    private static List<PropertyChange> DiffProperties(JsonObject before, ResolvedResource desired, string type, IReplacementRules rules)
    {
        var names = before.Select(p => p.Key).Union(desired.Properties.Select(p => p.Key), StringComparer.Ordinal).ToList();
        var additional = rules.AdditionalPaths(type);
        var changes = new List<PropertyChange>();
        foreach (var name in names)
        {
            var old = before[name];
            var now = desired.Properties[name];
            var known = !desired.UnknownProperties.Contains(name);
            if (known && JsonNode.DeepEquals(old, now))
            {
                continue;
            }
            var replacement = rules.ForProperty(type, name);
            if (replacement != ReplacementKind.Always && NestedPathChanged(additional, name, old, now, known))
            {
                replacement = ReplacementKind.Always;
            }
            changes.Add(new PropertyChange(name, replacement, old?.DeepClone(), now?.DeepClone(), known));
        }
        return changes;
    }

    private static bool NestedPathChanged(IReadOnlyList<IReadOnlyList<string>> paths, string name, JsonNode? old, JsonNode? now, bool known)
    {
        foreach (var path in paths)
        {
            if (path.Count > 1 && path[0] == name)
            {
                if (!known)
                {
                    return true;
                }
                var before = JsonPaths.Select(old, path, 1);
                var after = JsonPaths.Select(now, path, 1);
                if (before.Count != after.Count || before.Zip(after).Any(p => !JsonNode.DeepEquals(p.First, p.Second)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static string Describe(IReadOnlyList<PropertyChange> changes, ReplacementKind replacement)
    {
        var parts = changes.Select(c => c.Name + (c.AfterKnown ? "" : " (known after apply)") + c.Replacement switch
        {
            ReplacementKind.Always => " [requires replacement]",
            ReplacementKind.Conditional => " [may require replacement]",
            _ => "",
        });
        var verb = replacement switch
        {
            ReplacementKind.Always => "replaced",
            ReplacementKind.Conditional => "updated in place, or replaced if the provider cannot",
            _ => "updated in place",
        };
        return $"Changed: {string.Join(", ", parts)}; {verb}";
    }
}
