using Strata.Engine.Model;
using Strata.Engine.Planning;

namespace Strata.Providers.Aws.CloudFormation;

public enum ChangeSetPlanStatus
{
    /// <summary>The change set is computed and waits to be executed (or discarded).</summary>
    Ready,

    /// <summary>CloudFormation found nothing to change; no change set is left behind.</summary>
    NoChanges,

    /// <summary>No plan: the change set failed, the template was rejected, or the stack's state forbids the change.</summary>
    Refused,
}

/// <summary>
/// A CloudFormation change set as Strata's plan: its changes in the engine's vocabulary
/// (<see cref="PlannedChange"/>: Add / Modify / Replace / Remove with replacement flags). Execute it with
/// <see cref="CloudFormationDeployer.ExecuteAsync"/> or drop it with <see cref="CloudFormationDeployer.DiscardAsync"/>.
/// </summary>
public sealed record ChangeSetPlan
{
    public required string StackName { get; init; }

    /// <summary>Null when a refused create never made a stack.</summary>
    public string? StackId { get; init; }

    public required ChangeSetPlanStatus Status { get; init; }

    /// <summary>True for a new stack (a CREATE change set).</summary>
    public bool IsCreate { get; init; }

    public string? ChangeSetId { get; init; }

    public string? ChangeSetName { get; init; }

    /// <summary>The stack's status before the plan (null for a new stack).</summary>
    public string? PreviousStatus { get; init; }

    public IReadOnlyList<PlannedChange> Changes { get; init; } = [];

    /// <summary>How the template reached CloudFormation (inline, or its S3 URL).</summary>
    public StagedTemplate? Template { get; init; }

    /// <summary>Why the plan was refused (<see cref="ChangeSetPlanStatus.Refused"/>).</summary>
    public RootCause? RootCause { get; init; }

    /// <summary>What was done or found on the way (a failed stack replaced, the template uploaded, a refusal's reason).</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>The request the plan was made for (the lease and time-out apply when it executes).</summary>
    public required CloudFormationUpRequest Request { get; init; }

    public bool HasChanges => Status == ChangeSetPlanStatus.Ready && Changes.Count > 0;

    public int Count(ChangeAction action) => Changes.Count(c => c.Action == action);
}
