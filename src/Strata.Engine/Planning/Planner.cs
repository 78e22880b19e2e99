using Strata.Engine.Definition;
using Strata.Engine.Model;
using Strata.Engine.Walk;

namespace Strata.Engine.Planning;

/// <summary>
/// Diffs a template (with its parameters) against a stack's recorded resources: Add / Modify / Replace /
/// Remove, each with its reason, in dependency order. Pure: reads nothing, writes nothing.
/// </summary>
public sealed class Planner(IReplacementRules rules)
{
    public Plan CreatePlan(string stackName, StackRecord? stack, IReadOnlyList<ResourceRecord> records, IStackDefinition desired, IStackState recordedState)
    {
        var current = records.Where(r => r.IsCurrent && r.Status.Exists())
            .GroupBy(r => r.LogicalId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var definitions = desired.Resources.ToDictionary(r => r.LogicalId, StringComparer.Ordinal);
        var order = new DependencyWalk<string>(desired.Resources.Select(r => r.LogicalId).ToList(), id => definitions[id].Dependencies)
            .TopologicalOrder();

        var state = new PlanningState(recordedState);
        var planned = new List<PlannedChange>(order.Count);
        foreach (var logicalId in order)
        {
            var definition = definitions[logicalId];
            current.TryGetValue(logicalId, out var record);
            var resolved = desired.ResolveResource(logicalId, state);
            var decision = ChangeDecider.Decide(record, definition.Type, resolved, rules);
            if (decision.Action is ChangeAction.Add or ChangeAction.Replace)
            {
                state.MarkNewPhysicalResource(logicalId);
            }
            else if (decision.Action == ChangeAction.Modify)
            {
                state.MarkChangedProperties(logicalId, decision.Changes.Select(c => c.Name));
            }
            planned.Add(new PlannedChange
            {
                Action = decision.Action,
                LogicalId = logicalId,
                Type = definition.Type,
                PhysicalId = record?.PhysicalId,
                RecordId = record?.RecordId,
                Replacement = decision.Replacement,
                Scope = decision.Scope,
                PropertyChanges = decision.Changes,
                Reason = resolved.Errors.Count > 0 ? decision.Reason + "; " + string.Join("; ", resolved.Errors) : decision.Reason,
                DependsOn = definition.Dependencies,
            });
        }

        return new Plan
        {
            StackName = stackName,
            Stack = stack,
            Resources = planned,
            Removals = PlanRemovals(records, definitions),
        };
    }

    private static List<PlannedChange> PlanRemovals(IReadOnlyList<ResourceRecord> records, IReadOnlyDictionary<string, ResourceDefinition> desired)
    {
        var leaving = records
            .Where(r => r.Status.Exists() && (!r.IsCurrent || !desired.ContainsKey(r.LogicalId)))
            .ToList();
        return RemovalOrder(leaving)
            .Select(r => new PlannedChange
            {
                Action = ChangeAction.Remove,
                LogicalId = r.LogicalId,
                Type = r.Type,
                PhysicalId = r.PhysicalId,
                RecordId = r.RecordId,
                Reason = r.IsCurrent
                    ? "Not in the template any more" + PolicyNote(r.DeletionPolicy)
                    : "Replaced by a new physical resource; the old one goes" + PolicyNote(r.UpdateReplacePolicy),
                DependsOn = r.DependsOn,
            })
            .ToList();
    }

    private static string PolicyNote(string? policy) => policy switch
    {
        "Retain" or "RetainExceptOnCreate" => " (kept in the cloud: policy Retain)",
        "Snapshot" => " (a snapshot is taken first: policy Snapshot)",
        _ => "",
    };

    /// <summary>Records in deletion order: a record goes after everything that depends on it.</summary>
    public static IReadOnlyList<ResourceRecord> RemovalOrder(IReadOnlyList<ResourceRecord> records)
    {
        var byId = records.ToDictionary(r => r.RecordId, StringComparer.Ordinal);
        var byLogical = records.ToLookup(r => r.LogicalId, StringComparer.Ordinal);
        try
        {
            var walk = new DependencyWalk<string>(
                records.Select(r => r.RecordId).ToList(),
                id => byId[id].DependsOn.SelectMany(d => byLogical[d]).Select(r => r.RecordId).Where(d => d != id));
            return walk.Reversed().TopologicalOrder().Select(id => byId[id]).ToList();
        }
        catch (DependencyCycleException)
        {
            // Records written by different template versions can disagree about direction; newest first is then the safest guess.
            return records.OrderByDescending(r => r.UpdatedAt).ToList();
        }
    }
}
