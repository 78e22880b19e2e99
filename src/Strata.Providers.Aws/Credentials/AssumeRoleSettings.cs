namespace Strata.Providers.Aws.Credentials;

/// <summary>
/// A role to assume: how a tenant grants Strata access (role ARN plus the external id the tenant chose),
/// or a profile's <c>role_arn</c> / <c>external_id</c> / <c>role_session_name</c> / <c>duration_seconds</c>.
/// </summary>
/// <param name="Origin">What asked for the role, for messages ("profile 'dev'", "tenant acme").</param>
public sealed record AssumeRoleSettings(string RoleArn, string Origin)
{
    public string? ExternalId { get; init; }

    /// <summary>Shows in CloudTrail; defaults to <c>strata-&lt;unix seconds&gt;</c>.</summary>
    public string? RoleSessionName { get; init; }

    /// <summary>Null lets STS pick its default (one hour).</summary>
    public TimeSpan? Duration { get; init; }
}
