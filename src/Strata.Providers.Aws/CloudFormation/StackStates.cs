namespace Strata.Providers.Aws.CloudFormation;

/// <summary>What a CloudFormation stack status means for the next operation Strata wants to run.</summary>
public static class StackStates
{
    public const string ReviewInProgress = "REVIEW_IN_PROGRESS";
    public const string DeleteComplete = "DELETE_COMPLETE";
    public const string DeleteFailed = "DELETE_FAILED";
    public const string UpdateRollbackFailed = "UPDATE_ROLLBACK_FAILED";

    public static bool IsInProgress(string status) => status.EndsWith("_IN_PROGRESS", StringComparison.Ordinal);

    /// <summary>
    /// The last operation failed: a *_FAILED status, or a completed rollback (the create or update it undid
    /// failed). ROLLBACK_COMPLETE is shown as failed although CloudFormation calls it complete.
    /// </summary>
    public static bool IsFailure(string status) =>
        status.EndsWith("_FAILED", StringComparison.Ordinal) ||
        status is "ROLLBACK_COMPLETE" or "UPDATE_ROLLBACK_COMPLETE" or "IMPORT_ROLLBACK_COMPLETE";

    /// <summary>Left by a failed create: holds nothing usable and cannot be updated, only deleted.</summary>
    public static bool IsFailedCreate(string status) => status is "ROLLBACK_COMPLETE" or "ROLLBACK_FAILED" or "CREATE_FAILED";

    /// <summary>Statuses from which an UPDATE change set can run.</summary>
    public static bool IsUpdatable(string status) => status is
        "CREATE_COMPLETE" or "UPDATE_COMPLETE" or "UPDATE_ROLLBACK_COMPLETE" or "IMPORT_COMPLETE" or
        "IMPORT_ROLLBACK_COMPLETE" or "UPDATE_FAILED";

    /// <summary>
    /// The stack-level statuses that open a new operation in the event log (ROLLBACK_* and CLEANUP_* continue one).
    /// The root cause of a stack's state is looked for after the last of them.
    /// </summary>
    public static bool StartsOperation(string status) => status is
        "CREATE_IN_PROGRESS" or "UPDATE_IN_PROGRESS" or "DELETE_IN_PROGRESS" or "IMPORT_IN_PROGRESS";
}
