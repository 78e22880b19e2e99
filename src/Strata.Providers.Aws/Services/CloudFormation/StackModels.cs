namespace Strata.Providers.Aws.Services.CloudFormation;

public sealed record Stack
{
    public string StackId { get; init; } = "";
    public string StackName { get; init; } = "";
    public string? ChangeSetId { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<StackParameter> Parameters { get; init; } = [];
    public DateTimeOffset? CreationTime { get; init; }
    public DateTimeOffset? LastUpdatedTime { get; init; }
    public DateTimeOffset? DeletionTime { get; init; }

    /// <summary>CloudFormation's status name, e.g. CREATE_COMPLETE, ROLLBACK_COMPLETE (see <see cref="StackStatuses"/>).</summary>
    public string StackStatus { get; init; } = "";
    public string? StackStatusReason { get; init; }
    public bool? DisableRollback { get; init; }
    public IReadOnlyList<string> NotificationArns { get; init; } = [];
    public int? TimeoutInMinutes { get; init; }
    public IReadOnlyList<string> Capabilities { get; init; } = [];
    public IReadOnlyList<StackOutput> Outputs { get; init; } = [];
    public string? RoleArn { get; init; }
    public IReadOnlyList<AwsTag> Tags { get; init; } = [];
    public bool? EnableTerminationProtection { get; init; }
    public string? ParentId { get; init; }
    public string? RootId { get; init; }
}

public sealed record StackOutput(string OutputKey, string? OutputValue)
{
    public string? Description { get; init; }
    public string? ExportName { get; init; }
}

public sealed record DescribeStacksResponse(IReadOnlyList<Stack> Stacks, string? NextToken);

/// <summary>One entry of a stack's event log. CloudFormation returns them newest first.</summary>
public sealed record StackEvent
{
    public string EventId { get; init; } = "";
    public string StackId { get; init; } = "";
    public string StackName { get; init; } = "";
    public string? LogicalResourceId { get; init; }
    public string? PhysicalResourceId { get; init; }
    public string? ResourceType { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public string? ResourceStatus { get; init; }
    public string? ResourceStatusReason { get; init; }
    public string? ResourceProperties { get; init; }
    public string? ClientRequestToken { get; init; }
}

public sealed record DescribeStackEventsResponse(IReadOnlyList<StackEvent> StackEvents, string? NextToken);

public sealed record StackResource
{
    public string StackName { get; init; } = "";
    public string StackId { get; init; } = "";
    public string LogicalResourceId { get; init; } = "";
    public string? PhysicalResourceId { get; init; }
    public string ResourceType { get; init; } = "";
    public DateTimeOffset? Timestamp { get; init; }
    public string ResourceStatus { get; init; } = "";
    public string? ResourceStatusReason { get; init; }
    public string? Description { get; init; }
}

public sealed record StackResourceSummary
{
    public string LogicalResourceId { get; init; } = "";
    public string? PhysicalResourceId { get; init; }
    public string ResourceType { get; init; } = "";
    public DateTimeOffset? LastUpdatedTimestamp { get; init; }
    public string ResourceStatus { get; init; } = "";
    public string? ResourceStatusReason { get; init; }
}

public sealed record ListStackResourcesResponse(IReadOnlyList<StackResourceSummary> Summaries, string? NextToken);

public sealed record DeleteStackRequest(string StackName)
{
    /// <summary>Logical ids to keep (only for a stack in DELETE_FAILED).</summary>
    public IReadOnlyList<string> RetainResources { get; init; } = [];
    public string? RoleArn { get; init; }
    public string? ClientRequestToken { get; init; }
}

public sealed record CancelUpdateStackRequest(string StackName)
{
    public string? ClientRequestToken { get; init; }
}

/// <summary>Continue a stack out of UPDATE_ROLLBACK_FAILED, skipping resources that cannot be rolled back.</summary>
public sealed record ContinueUpdateRollbackRequest(string StackName)
{
    public IReadOnlyList<string> ResourcesToSkip { get; init; } = [];
    public string? RoleArn { get; init; }
    public string? ClientRequestToken { get; init; }
}

/// <summary>CloudFormation's stack status names, grouped the way a tracker needs them.</summary>
public static class StackStatuses
{
    public const string CreateComplete = "CREATE_COMPLETE";
    public const string CreateFailed = "CREATE_FAILED";
    public const string RollbackComplete = "ROLLBACK_COMPLETE";
    public const string RollbackFailed = "ROLLBACK_FAILED";
    public const string DeleteComplete = "DELETE_COMPLETE";
    public const string DeleteFailed = "DELETE_FAILED";
    public const string UpdateComplete = "UPDATE_COMPLETE";
    public const string UpdateRollbackComplete = "UPDATE_ROLLBACK_COMPLETE";
    public const string UpdateRollbackFailed = "UPDATE_ROLLBACK_FAILED";
    public const string ReviewInProgress = "REVIEW_IN_PROGRESS";

    /// <summary>Still changing: poll again.</summary>
    public static bool IsInProgress(string status) => status.EndsWith("_IN_PROGRESS", StringComparison.Ordinal);

    /// <summary>
    /// Settled in a state the user did not ask for: a failure, or a completed rollback (which means the
    /// create or update failed).
    /// </summary>
    public static bool IsFailure(string status) =>
        status.EndsWith("_FAILED", StringComparison.Ordinal) || status is RollbackComplete or UpdateRollbackComplete
            or "IMPORT_ROLLBACK_COMPLETE";
}
