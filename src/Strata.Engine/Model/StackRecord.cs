namespace Strata.Engine.Model;

/// <summary>What the state store knows about one stack. Immutable: the store returns a fresh copy per read.</summary>
public sealed record StackRecord
{
    public required string StackId { get; init; }

    public required string Name { get; init; }

    public required StackStatus Status { get; init; }

    public string? StatusReason { get; init; }

    /// <summary>The template applied last (or being applied), as text.</summary>
    public required string TemplateBody { get; init; }

    /// <summary>Where the template came from; relative nested-stack TemplateURLs resolve against its folder.</summary>
    public string? TemplatePath { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The template and parameters before the running update, so that an update can roll back to them.</summary>
    public string? PreviousTemplateBody { get; init; }

    public string? PreviousTemplatePath { get; init; }

    public IReadOnlyDictionary<string, string>? PreviousParameters { get; init; }

    public IReadOnlyList<StackOutput> Outputs { get; init; } = [];

    public RootCause? RootCause { get; init; }

    public required string Provider { get; init; }

    public bool DisableRollback { get; init; }

    /// <summary>When the stack's lease ends (<c>--ttl</c>); null when it has none.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The stack that owns this one as an <c>AWS::CloudFormation::Stack</c> resource.</summary>
    public string? ParentStackId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
