namespace Strata.Providers.Aws.Credentials;

/// <summary>Supplies credentials for each request; providers of temporary credentials refresh them.</summary>
public interface IAwsCredentialsProvider
{
    /// <summary>Where the credentials come from, safe to show ("environment variables", "profile 'dev' (...)").</summary>
    string Description { get; }

    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}

/// <summary>Fixed credentials (environment variables, a profile's keys, a tenant's stored keys).</summary>
public sealed class StaticCredentialsProvider(AwsCredentials credentials) : IAwsCredentialsProvider
{
    public string Description => credentials.Source;

    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}
