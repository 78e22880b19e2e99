namespace Strata.Providers.Aws.CloudFormation;

/// <summary>How a <see cref="CloudFormationDeployer"/> works: where it keeps its records, how it polls, when it worries.</summary>
public sealed record CloudFormationDeployerOptions
{
    /// <summary>Strata's data directory (<c>--data</c>); the deployer keeps one JSON record per stack under <c>cloudformation/</c>.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// The bucket for templates over CloudFormation's inline limit. Null: Strata uses (and creates if needed)
    /// <c>strata-templates-{account}-{region}</c>.
    /// </summary>
    public string? TemplateBucket { get; init; }

    /// <summary>First wait between two polls of a running operation; it doubles while nothing new happens.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two polls (the back-off's ceiling).</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>No new event for this long while the stack is *_IN_PROGRESS: a warning says so (the operation may hang).</summary>
    public TimeSpan NoProgressWarning { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a change set may take to be computed before the plan is given up.</summary>
    public TimeSpan ChangeSetTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The clock for polling, hang detection and time-outs; null uses the AWS context's clock.</summary>
    public TimeProvider? Time { get; init; }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
            throw new ArgumentException("The data directory is empty.", nameof(DataDirectory));
        if (PollInterval <= TimeSpan.Zero || MaxPollInterval < PollInterval)
            throw new ArgumentException($"Poll intervals must be positive with the maximum ({MaxPollInterval}) not below the first ({PollInterval}).");
        if (NoProgressWarning <= TimeSpan.Zero || ChangeSetTimeout <= TimeSpan.Zero)
            throw new ArgumentException("NoProgressWarning and ChangeSetTimeout must be positive.");
    }
}
