using Strata.Engine.Model;

namespace Strata.Engine.Planning;

/// <summary>
/// The change set: what applying a template to a stack would do, in dependency order (Terraform's
/// <c>plans.Plan</c>; applying is a separate type). <see cref="Resources"/> holds every resource the
/// template includes — unchanged ones too, because the apply walk passes through them — and
/// <see cref="Removals"/> what goes away, in reverse dependency order.
/// </summary>
public sealed record Plan
{
    public required string StackName { get; init; }

    /// <summary>The recorded stack, or null when the plan creates it.</summary>
    public StackRecord? Stack { get; init; }

    public bool IsCreate => Stack is null;

    public required IReadOnlyList<PlannedChange> Resources { get; init; }

    public required IReadOnlyList<PlannedChange> Removals { get; init; }

    /// <summary>Everything that does something, in the order it happens.</summary>
    public IEnumerable<PlannedChange> Changes => Resources.Where(r => r.Action != ChangeAction.None).Concat(Removals);

    public bool HasChanges => Changes.Any();

    public int Count(ChangeAction action) => Changes.Count(c => c.Action == action);
}
