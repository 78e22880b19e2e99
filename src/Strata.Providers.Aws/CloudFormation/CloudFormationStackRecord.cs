using Strata.Engine.Model;

namespace Strata.Providers.Aws.CloudFormation;

/// <summary>
/// What Strata remembers about a stack that CloudFormation builds: the lease (ttl, expiry), the root cause of
/// its last failure (CloudFormation's event log is gone with the stack's name once it is deleted), and how far
/// its event log has been read, so that <c>events --follow</c> or a later tracker resumes where the last stopped.
/// </summary>
public sealed record CloudFormationStackRecord
{
    public required string StackName { get; init; }

    /// <summary>The stack's ARN: it survives the stack's deletion, its name does not.</summary>
    public required string StackId { get; init; }

    public required string Region { get; init; }

    /// <summary>CloudFormation's status when Strata last looked.</summary>
    public required string Status { get; init; }

    public string? StatusReason { get; init; }

    /// <summary>The last failure's root cause; kept through rollback, deletion and later successful operations.</summary>
    public RootCause? RootCause { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The lease given with <c>--ttl</c>.</summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>When the lease ends (the platform decommissions the stack then).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The newest event already read (CloudFormation's EventId).</summary>
    public string? LastEventId { get; init; }

    /// <summary>How many events were read so far: the next event's sequence number is this plus one.</summary>
    public long EventCount { get; init; }

    /// <summary>The S3 URL the template was passed by, when it was over the inline limit.</summary>
    public string? TemplateUrl { get; init; }

    public string? LastChangeSetId { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public bool IsDeleted => Status == StackStates.DeleteComplete;
}
