namespace Strata.Providers.Aws.Services.Sts;

public sealed record GetCallerIdentityResponse(string Account, string Arn, string UserId);

public sealed record AssumeRoleRequest(string RoleArn, string RoleSessionName)
{
    /// <summary>The secret the role's trust policy demands (sts:ExternalId), as a tenant set it up.</summary>
    public string? ExternalId { get; init; }
    public int? DurationSeconds { get; init; }

    /// <summary>An inline session policy (JSON) that narrows the role's permissions.</summary>
    public string? Policy { get; init; }
    public IReadOnlyList<StsTag> Tags { get; init; } = [];
}

public sealed record StsTag(string Key, string Value);

public sealed record StsCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset? Expiration)
{
    // Records print every property; these credentials are live secrets.
    public override string ToString() => $"StsCredentials {{ AccessKeyId = {AccessKeyId}, Expiration = {Expiration:O} }}";
}

public sealed record AssumedRoleUser(string Arn, string AssumedRoleId);

public sealed record AssumeRoleResponse(StsCredentials Credentials, AssumedRoleUser AssumedRoleUser, int? PackedPolicySize);
