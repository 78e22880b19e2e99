using System.Globalization;
using Strata.Providers.Aws.Configuration;
using Strata.Providers.Aws.Services.Sts;

namespace Strata.Providers.Aws.Credentials;

/// <summary>Which profile to use and why: named by the caller (e.g. a --profile option), by AWS_PROFILE, or the default.</summary>
public sealed record ProfileSelection(string Name, ProfileSelectionSource SelectedBy)
{
    public static ProfileSelection From(IAwsEnvironment environment, string? explicitName)
    {
        if (!string.IsNullOrWhiteSpace(explicitName)) return new(explicitName.Trim(), ProfileSelectionSource.Explicit);
        var fromEnvironment = environment.GetVariable("AWS_PROFILE");
        return string.IsNullOrWhiteSpace(fromEnvironment)
            ? new("default", ProfileSelectionSource.Default)
            : new(fromEnvironment.Trim(), ProfileSelectionSource.AwsProfileVariable);
    }
}

public enum ProfileSelectionSource
{
    Default,
    AwsProfileVariable,
    Explicit,
}

/// <summary>
/// The credential chain as the AWS CLI walks it: environment variables first (unless a profile was named
/// explicitly), then the selected profile, which may hold keys or a role to assume from another profile or
/// from the environment.
/// </summary>
public sealed class CredentialsResolver(IAwsEnvironment environment, SharedConfig config,
    Func<IAwsCredentialsProvider, StsClient> stsFactory, TimeProvider time)
{
    public IAwsCredentialsProvider Resolve(ProfileSelection selection)
    {
        // An explicitly named profile wins over environment keys; AWS_PROFILE does not (botocore behaves so).
        if (selection.SelectedBy != ProfileSelectionSource.Explicit && EnvironmentCredentials.TryRead(environment) is { } fromEnvironment)
            return new StaticCredentialsProvider(fromEnvironment);

        var profile = config.FindProfile(selection.Name);
        if (profile is null)
        {
            if (selection.SelectedBy == ProfileSelectionSource.Default)
                throw new AwsCredentialsException(
                    "No AWS credentials found: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set, AWS_PROFILE is not set, " +
                    $"and there is no 'default' profile in {config.ConfigPath} or {config.CredentialsPath}.", "default");
            var how = selection.SelectedBy == ProfileSelectionSource.AwsProfileVariable ? " (from AWS_PROFILE)" : "";
            throw new AwsCredentialsException(
                $"AWS profile '{selection.Name}'{how} was not found in {config.ConfigPath} or {config.CredentialsPath}.", selection.Name);
        }
        return FromProfile(profile, []);
    }

    private IAwsCredentialsProvider FromProfile(AwsProfile profile, List<string> chain)
    {
        chain.Add(profile.Name);
        if (profile.Get("role_arn") is { } roleArn) return AssumeRole(profile, roleArn, chain);
        if (StaticKeys(profile) is { } keys) return new StaticCredentialsProvider(keys);

        foreach (var unsupported in new[] { "credential_process", "sso_session", "sso_start_url", "web_identity_token_file" })
            if (profile.Get(unsupported) is not null)
                throw new AwsCredentialsException(
                    $"{profile.Describe()} uses {unsupported}, which Strata does not support; use access keys or role_arn with source_profile.",
                    profile.Name);
        throw new AwsCredentialsException(
            $"{profile.Describe()} has no credentials: set aws_access_key_id and aws_secret_access_key, or role_arn with source_profile.",
            profile.Name);
    }

    private static AwsCredentials? StaticKeys(AwsProfile profile)
    {
        var accessKeyId = profile.Get("aws_access_key_id");
        var secret = profile.Get("aws_secret_access_key");
        if (accessKeyId is null && secret is null) return null;
        if (accessKeyId is null)
            throw new AwsCredentialsException(
                $"{profile.Describe()} sets aws_secret_access_key but not aws_access_key_id.", profile.Name);
        if (secret is null)
            throw new AwsCredentialsException(
                $"{profile.Describe()} sets aws_access_key_id ({accessKeyId}) but not aws_secret_access_key.", profile.Name, accessKeyId);
        return new AwsCredentials(accessKeyId, secret, profile.Get("aws_session_token"),
            source: $"profile '{profile.Name}' ({profile.FileOf("aws_access_key_id")})");
    }

    private IAwsCredentialsProvider AssumeRole(AwsProfile profile, string roleArn, List<string> chain)
    {
        if (profile.Get("mfa_serial") is not null)
            throw new AwsCredentialsException(
                $"{profile.Describe()} requires an MFA code (mfa_serial), which Strata cannot prompt for.", profile.Name);

        var settings = new AssumeRoleSettings(roleArn, $"profile '{profile.Name}'")
        {
            ExternalId = profile.Get("external_id"),
            RoleSessionName = profile.Get("role_session_name"),
            Duration = DurationSeconds(profile),
        };
        return new AssumeRoleCredentialsProvider(SourceOf(profile, chain), settings, stsFactory, time);
    }

    private IAwsCredentialsProvider SourceOf(AwsProfile profile, List<string> chain)
    {
        var sourceProfileName = profile.Get("source_profile");
        var credentialSource = profile.Get("credential_source");
        if (sourceProfileName is not null && credentialSource is not null)
            throw new AwsCredentialsException($"{profile.Describe()} sets both source_profile and credential_source; keep one.", profile.Name);

        if (credentialSource is not null)
        {
            if (!credentialSource.Equals("Environment", StringComparison.OrdinalIgnoreCase))
                throw new AwsCredentialsException(
                    $"{profile.Describe()} sets credential_source = {credentialSource}; Strata supports only Environment.", profile.Name);
            return new StaticCredentialsProvider(EnvironmentCredentials.TryRead(environment)
                ?? throw new AwsCredentialsException(
                    $"{profile.Describe()} takes its source credentials from the environment, but AWS_ACCESS_KEY_ID is not set.", profile.Name));
        }

        if (sourceProfileName is null)
            throw new AwsCredentialsException(
                $"{profile.Describe()} sets role_arn but neither source_profile nor credential_source.", profile.Name);

        // A profile that names itself as source uses its own keys (the AWS CLI's rule).
        if (sourceProfileName == profile.Name)
            return new StaticCredentialsProvider(StaticKeys(profile) ?? throw new AwsCredentialsException(
                $"{profile.Describe()} is its own source_profile but has no aws_access_key_id.", profile.Name));

        if (chain.Contains(sourceProfileName))
            throw new AwsCredentialsException(
                $"source_profile loop: {string.Join(" -> ", chain.Select(n => $"'{n}'"))} -> '{sourceProfileName}'.", profile.Name);
        var source = config.FindProfile(sourceProfileName) ?? throw new AwsCredentialsException(
            $"{profile.Describe()} names source_profile '{sourceProfileName}', which was not found in {config.ConfigPath} or {config.CredentialsPath}.",
            profile.Name);
        return FromProfile(source, chain);
    }

    private static TimeSpan? DurationSeconds(AwsProfile profile)
    {
        var value = profile.Get("duration_seconds");
        if (value is null) return null;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 900 || seconds > 43200)
            throw new AwsConfigurationException(
                $"{profile.Describe()}: duration_seconds = {value} must be a whole number of seconds from 900 to 43200.");
        return TimeSpan.FromSeconds(seconds);
    }
}
