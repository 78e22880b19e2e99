using Strata.Providers.Aws.Configuration;

namespace Strata.Providers.Aws.Credentials;

/// <summary>Credentials from <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and <c>AWS_SESSION_TOKEN</c>.</summary>
public static class EnvironmentCredentials
{
    public const string Source = "environment variables (AWS_ACCESS_KEY_ID)";

    /// <summary>Null when neither key variable is set; an error when only one of them is.</summary>
    public static AwsCredentials? TryRead(IAwsEnvironment environment)
    {
        var accessKeyId = NullIfBlank(environment.GetVariable("AWS_ACCESS_KEY_ID"));
        var secret = NullIfBlank(environment.GetVariable("AWS_SECRET_ACCESS_KEY"));
        if (accessKeyId is null && secret is null) return null;
        if (accessKeyId is null)
            throw new AwsCredentialsException("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not; set both or neither.");
        if (secret is null)
            throw new AwsCredentialsException(
                $"AWS_ACCESS_KEY_ID is set (access key id {accessKeyId}) but AWS_SECRET_ACCESS_KEY is not; set both or neither.",
                accessKeyId: accessKeyId);
        return new AwsCredentials(accessKeyId, secret, NullIfBlank(environment.GetVariable("AWS_SESSION_TOKEN")), source: Source);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
