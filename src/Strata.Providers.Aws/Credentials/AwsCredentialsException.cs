namespace Strata.Providers.Aws.Credentials;

/// <summary>
/// Credentials are missing, incomplete or rejected. The message names the profile and/or the access key id
/// involved, never the secret or the session token.
/// </summary>
public sealed class AwsCredentialsException(string message, string? profileName = null, string? accessKeyId = null, Exception? inner = null)
    : AwsException(message, inner)
{
    public string? ProfileName { get; } = profileName;
    public string? AccessKeyId { get; } = accessKeyId;
}
