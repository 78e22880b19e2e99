using Strata.Engine.Model;

namespace Strata.Providers.Aws.CloudFormation;

/// <summary>How a CloudFormation-mode operation ended.</summary>
public enum DeploymentOutcome
{
    Succeeded,

    /// <summary>The change set had no changes: nothing ran.</summary>
    NoChanges,

    /// <summary>CloudFormation ran the operation and it failed (rolled back, or left as it is with no-rollback).</summary>
    Failed,

    /// <summary>Refused before anything ran: the change set failed, the stack is busy or in a state that forbids it.</summary>
    Refused,

    /// <summary>Still running past the time-out (a create or delete CloudFormation keeps working on).</summary>
    TimedOut,

    NotFound,
}

/// <summary>
/// The result of up, down or continue-rollback, in the CLI contract's terms: the stack's status as CloudFormation
/// names it, the root cause of a failure, outputs; plus the events of this operation (oldest first).
/// </summary>
public sealed record DeploymentResult
{
    public required string StackName { get; init; }

    /// <summary>Null when no stack was ever created (a refused create).</summary>
    public string? StackId { get; init; }

    public required DeploymentOutcome Outcome { get; init; }

    /// <summary>CloudFormation's stack status name (CREATE_COMPLETE, ROLLBACK_COMPLETE, ...); null when there is no stack.</summary>
    public string? Status { get; init; }

    public string? StatusReason { get; init; }

    public RootCause? RootCause { get; init; }

    public IReadOnlyList<StackOutput> Outputs { get; init; } = [];

    /// <summary>This operation's events, oldest first.</summary>
    public IReadOnlyList<StackEvent> Events { get; init; } = [];

    /// <summary>What the user should know beyond the status: time-outs, cancellations, clean-ups, refusals.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>Hangs flagged while tracking ("no progress for ...").</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The plan executed (up only).</summary>
    public ChangeSetPlan? Plan { get; init; }

    public bool Succeeded => Outcome is DeploymentOutcome.Succeeded or DeploymentOutcome.NoChanges;

    public IReadOnlyDictionary<string, string> OutputValues => Outputs.ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
}

/// <summary>A stack as CloudFormation reports it now (for <c>outputs</c>, <c>ls</c>, and the status lines).</summary>
public sealed record CloudFormationStackView
{
    public required string StackName { get; init; }
    public required string StackId { get; init; }
    public required string Status { get; init; }
    public string? StatusReason { get; init; }

    /// <summary>The root cause of the stack's last failure (kept in Strata's record after rollback and deletion).</summary>
    public RootCause? RootCause { get; init; }

    public IReadOnlyList<StackOutput> Outputs { get; init; } = [];
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The lease's end (<c>--ttl</c>), from Strata's record.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The last operation failed, rolled back, or left the stack unusable (ROLLBACK_COMPLETE counts as failed).</summary>
    public bool IsFailed => StackStates.IsFailure(Status);
}

/// <summary>One resource of a stack, as CloudFormation lists it.</summary>
public sealed record CloudFormationResource(string LogicalId, string Type, string? PhysicalId, string Status, string? StatusReason,
    DateTimeOffset? UpdatedAt);

/// <summary>Receives what happens while an operation runs (the CLI's live view).</summary>
public interface IDeploymentObserver
{
    /// <summary>The change set is ready: its changes are the plan, shown before it executes.</summary>
    void OnPlan(ChangeSetPlan plan)
    {
    }

    void OnEvent(StackEvent stackEvent)
    {
    }

    /// <summary>Something the user should see now: a hang, a time-out, a clean-up.</summary>
    void OnWarning(string message)
    {
    }
}

/// <summary>An observer that ignores everything.</summary>
public sealed class NullDeploymentObserver : IDeploymentObserver
{
    public static readonly NullDeploymentObserver Instance = new();
}
