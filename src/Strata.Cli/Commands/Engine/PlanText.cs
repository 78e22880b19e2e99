using Strata.Engine.Planning;

namespace Strata.Cli.Commands.Engine;

/// <summary>A plan as text, the same for every provider: one line per change, then the counts.</summary>
public static class PlanText
{
    /// <param name="status">The stack's status before the plan; null for a new stack.</param>
    public static void Write(TextWriter output, string stackName, string? status, IReadOnlyList<PlannedChange> changes)
    {
        output.WriteLine(status is null ? $"Plan for stack {stackName} (new stack):" : $"Plan for stack {stackName} ({status}):");
        if (changes.Count == 0)
        {
            output.WriteLine("  No changes: the stack already matches the template.");
            return;
        }
        var idWidth = changes.Max(c => c.LogicalId.Length);
        var typeWidth = changes.Max(c => c.Type.Length);
        foreach (var change in changes)
        {
            var symbol = change.Action switch
            {
                ChangeAction.Add => "+",
                ChangeAction.Modify => "~",
                ChangeAction.Replace => "±",
                _ => "-",
            };
            output.WriteLine($"  {symbol} {change.Action,-7} {change.LogicalId.PadRight(idWidth)}  {change.Type.PadRight(typeWidth)}  {change.Reason}");
        }
        int Count(ChangeAction action) => changes.Count(c => c.Action == action);
        output.WriteLine($"{Count(ChangeAction.Add)} to add, {Count(ChangeAction.Modify)} to modify, {Count(ChangeAction.Replace)} to replace, {Count(ChangeAction.Remove)} to remove.");
    }
}
