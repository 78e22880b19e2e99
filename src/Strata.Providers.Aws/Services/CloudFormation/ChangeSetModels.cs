namespace Strata.Providers.Aws.Services.CloudFormation;

/// <summary>A stack parameter value; <see cref="UsePreviousValue"/> keeps the stack's current one on update.</summary>
public sealed record StackParameter(string Key, string? Value = null)
{
    public bool? UsePreviousValue { get; init; }

    /// <summary>For SSM parameter types: the value CloudFormation resolved (output only).</summary>
    public string? ResolvedValue { get; init; }
}

public static class ChangeSetTypes
{
    public const string Create = "CREATE";
    public const string Update = "UPDATE";
    public const string Import = "IMPORT";
}

public static class Capabilities
{
    public const string Iam = "CAPABILITY_IAM";
    public const string NamedIam = "CAPABILITY_NAMED_IAM";
    public const string AutoExpand = "CAPABILITY_AUTO_EXPAND";
}

public sealed record CreateChangeSetRequest(string StackName, string ChangeSetName)
{
    /// <summary>The template itself (up to 51,200 bytes); larger ones go through <see cref="TemplateUrl"/>.</summary>
    public string? TemplateBody { get; init; }

    /// <summary>An S3 URL of the template.</summary>
    public string? TemplateUrl { get; init; }

    public bool? UsePreviousTemplate { get; init; }
    public IReadOnlyList<StackParameter> Parameters { get; init; } = [];
    public IReadOnlyList<string> Capabilities { get; init; } = [];
    public IReadOnlyList<AwsTag> Tags { get; init; } = [];

    /// <summary><see cref="ChangeSetTypes"/>; CloudFormation's default is UPDATE.</summary>
    public string? ChangeSetType { get; init; }

    public string? Description { get; init; }
    public string? RoleArn { get; init; }
    public IReadOnlyList<string> NotificationArns { get; init; } = [];

    /// <summary>Idempotency: a retried call with the same token does not create a second change set.</summary>
    public string? ClientToken { get; init; }

    public bool? IncludeNestedStacks { get; init; }

    /// <summary>DO_NOTHING | ROLLBACK | DELETE: what a CREATE change set does to the stack when it fails.</summary>
    public string? OnStackFailure { get; init; }
}

public sealed record CreateChangeSetResponse(string ChangeSetId, string StackId);

public sealed record DescribeChangeSetRequest(string ChangeSetName)
{
    /// <summary>Needed when <see cref="DescribeChangeSetRequest.ChangeSetName"/> is a name rather than an ARN.</summary>
    public string? StackName { get; init; }
    public string? NextToken { get; init; }
}

/// <summary>A change set and one page of its changes.</summary>
public sealed record ChangeSetDescription
{
    public string ChangeSetId { get; init; } = "";
    public string ChangeSetName { get; init; } = "";
    public string StackId { get; init; } = "";
    public string StackName { get; init; } = "";
    public string? Description { get; init; }

    /// <summary>CREATE_PENDING | CREATE_IN_PROGRESS | CREATE_COMPLETE | DELETE_* | FAILED.</summary>
    public string Status { get; init; } = "";
    public string? StatusReason { get; init; }

    /// <summary>UNAVAILABLE | AVAILABLE | EXECUTE_IN_PROGRESS | EXECUTE_COMPLETE | EXECUTE_FAILED | OBSOLETE.</summary>
    public string? ExecutionStatus { get; init; }

    public DateTimeOffset? CreationTime { get; init; }
    public IReadOnlyList<StackParameter> Parameters { get; init; } = [];
    public IReadOnlyList<string> Capabilities { get; init; } = [];
    public IReadOnlyList<AwsTag> Tags { get; init; } = [];
    public IReadOnlyList<ResourceChange> Changes { get; init; } = [];
    public string? NextToken { get; init; }
    public bool? IncludeNestedStacks { get; init; }
    public string? ParentChangeSetId { get; init; }
    public string? RootChangeSetId { get; init; }
    public string? OnStackFailure { get; init; }
}

/// <summary>One resource's planned change: the plan Strata shows before executing.</summary>
public sealed record ResourceChange
{
    /// <summary>Add | Modify | Remove | Import | Dynamic.</summary>
    public string Action { get; init; } = "";
    public string LogicalResourceId { get; init; } = "";
    public string? PhysicalResourceId { get; init; }
    public string ResourceType { get; init; } = "";

    /// <summary>True | False | Conditional (Modify only).</summary>
    public string? Replacement { get; init; }

    public IReadOnlyList<string> Scope { get; init; } = [];
    public IReadOnlyList<ResourceChangeDetail> Details { get; init; } = [];

    /// <summary>For a nested stack's change: that stack's change set.</summary>
    public string? ChangeSetId { get; init; }
}

public sealed record ResourceChangeDetail
{
    public string? Evaluation { get; init; }
    public string? ChangeSource { get; init; }
    public string? CausingEntity { get; init; }
    public string? TargetAttribute { get; init; }
    public string? TargetName { get; init; }
    public string? RequiresRecreation { get; init; }
}

public sealed record ExecuteChangeSetRequest(string ChangeSetName)
{
    public string? StackName { get; init; }
    public string? ClientRequestToken { get; init; }
    public bool? DisableRollback { get; init; }
    public bool? RetainExceptOnCreate { get; init; }
}

public sealed record DeleteChangeSetRequest(string ChangeSetName)
{
    public string? StackName { get; init; }
}
