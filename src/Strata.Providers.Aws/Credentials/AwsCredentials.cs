using System.Text;

namespace Strata.Providers.Aws.Credentials;

/// <summary>
/// One set of AWS credentials. <see cref="Source"/> says where they came from ("environment variables",
/// "profile 'dev' (/home/me/.aws/credentials)", ...) so that errors can name it.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> is overridden (through <c>PrintMembers</c>) so that the secret and the session
/// token never end up in a log line or an exception message by accident.
/// </remarks>
public sealed record AwsCredentials
{
    public AwsCredentials(string accessKeyId, string secretAccessKey, string? sessionToken = null,
        DateTimeOffset? expiration = null, string source = "static credentials")
    {
        if (string.IsNullOrWhiteSpace(accessKeyId))
            throw new ArgumentException("The access key id is empty.", nameof(accessKeyId));
        if (string.IsNullOrEmpty(secretAccessKey))
            throw new ArgumentException($"The secret access key for access key id {accessKeyId} is empty.", nameof(secretAccessKey));
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
        Expiration = expiration;
        Source = source;
    }

    public string AccessKeyId { get; init; }
    public string SecretAccessKey { get; init; }
    public string? SessionToken { get; init; }

    /// <summary>When temporary credentials stop working; null for long-term keys.</summary>
    public DateTimeOffset? Expiration { get; init; }

    public string Source { get; init; }

    /// <summary>A description safe to show to a user: the key id and where it came from.</summary>
    public string Describe() => $"access key id {AccessKeyId} from {Source}";

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AccessKeyId = ").Append(AccessKeyId)
            .Append(", SecretAccessKey = ***")
            .Append(", SessionToken = ").Append(SessionToken is null ? "(none)" : "***")
            .Append(", Expiration = ").Append(Expiration?.ToString("O") ?? "(none)")
            .Append(", Source = ").Append(Source);
        return true;
    }
}
