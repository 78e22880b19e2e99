namespace Strata.Providers.Aws.CloudFormation;

/// <summary>What <c>strata up --provider cloudformation</c> asks for.</summary>
public sealed record CloudFormationUpRequest
{
    public required string StackName { get; init; }

    /// <summary>The template text, sent as it is (inline, or through S3 when over 51,200 bytes).</summary>
    public required string TemplateBody { get; init; }

    /// <summary>Where the template came from, for messages.</summary>
    public string? TemplatePath { get; init; }

    /// <summary>Values given now. On an update, parameters not given keep their previous value (as the engine does).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Stack tags besides <c>strata:stack</c> (e.g. <c>strata:tenant</c>); CloudFormation propagates them to the resources.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// What the template may do that CloudFormation makes callers acknowledge. <c>strata up</c> is the user's
    /// explicit request to build the template, so by default all three are acknowledged.
    /// </summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [Services.CloudFormation.Capabilities.Iam,
        Services.CloudFormation.Capabilities.NamedIam, Services.CloudFormation.Capabilities.AutoExpand];

    /// <summary>The stack's lease (<c>--ttl</c>), recorded as its expiry.</summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>
    /// The longest the operation may run (<c>--timeout</c>). Past it an update is cancelled (CancelUpdateStack, then
    /// rolled back); a create is reported as failed and, with <see cref="DeleteOnCreateTimeout"/>, deleted.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary><c>--no-rollback</c>: keep what was built when the operation fails.</summary>
    public bool DisableRollback { get; init; }

    /// <summary>
    /// A stack left by a failed create (ROLLBACK_COMPLETE, ROLLBACK_FAILED, CREATE_FAILED) cannot be updated: delete it
    /// first and create it again. Without this the up is refused with the old failure's root cause.
    /// </summary>
    public bool ReplaceFailedStack { get; init; }

    /// <summary>When a create runs past <see cref="Timeout"/>, delete the stack rather than leave it building.</summary>
    public bool DeleteOnCreateTimeout { get; init; }

    /// <summary>A service role CloudFormation uses instead of the caller's credentials.</summary>
    public string? RoleArn { get; init; }
}

/// <summary>What <c>strata down --provider cloudformation</c> asks for.</summary>
public sealed record CloudFormationDownRequest
{
    public required string StackName { get; init; }

    /// <summary>The longest the deletion may run before it is reported as failed (CloudFormation keeps deleting).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>For a stack in DELETE_FAILED: logical ids to leave in place so that the rest can go.</summary>
    public IReadOnlyList<string> RetainResources { get; init; } = [];

    public string? RoleArn { get; init; }
}

/// <summary>Continue a stack out of UPDATE_ROLLBACK_FAILED.</summary>
public sealed record CloudFormationContinueRollbackRequest
{
    public required string StackName { get; init; }

    /// <summary>Resources CloudFormation cannot roll back (it marks them UPDATE_COMPLETE and moves on).</summary>
    public IReadOnlyList<string> ResourcesToSkip { get; init; } = [];

    public TimeSpan? Timeout { get; init; }

    public string? RoleArn { get; init; }
}
