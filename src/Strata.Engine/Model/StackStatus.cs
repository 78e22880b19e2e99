namespace Strata.Engine.Model;

/// <summary>A stack's status, with CloudFormation's names (written as <c>UPDATE_ROLLBACK_COMPLETE</c> etc.).</summary>
public enum StackStatus
{
    CreateInProgress,
    CreateFailed,
    CreateComplete,
    RollbackInProgress,
    RollbackFailed,
    RollbackComplete,
    DeleteInProgress,
    DeleteFailed,
    DeleteComplete,
    UpdateInProgress,
    UpdateCompleteCleanupInProgress,
    UpdateComplete,
    UpdateFailed,
    UpdateRollbackInProgress,
    UpdateRollbackFailed,
    UpdateRollbackCompleteCleanupInProgress,
    UpdateRollbackComplete,
}

public static class StackStatuses
{
    public static string ToCfn(this StackStatus status) => StatusNames.ToCfn(status);

    public static StackStatus Parse(string text) => StatusNames.Parse<StackStatus>(text);

    /// <summary>An operation is (or was, if its process died) running on the stack.</summary>
    public static bool IsInProgress(this StackStatus status) => status.ToCfn().EndsWith("_IN_PROGRESS", StringComparison.Ordinal);

    /// <summary>The last operation failed, rolled back, or left the stack unusable.</summary>
    public static bool IsFailure(this StackStatus status) => status is
        StackStatus.CreateFailed or StackStatus.RollbackFailed or StackStatus.RollbackComplete or
        StackStatus.DeleteFailed or StackStatus.UpdateFailed or StackStatus.UpdateRollbackFailed or
        StackStatus.UpdateRollbackComplete;
}
