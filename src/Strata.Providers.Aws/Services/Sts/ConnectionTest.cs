using Strata.Providers.Aws.Configuration;
using Strata.Providers.Aws.Credentials;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Services.Sts;

/// <summary>Why a connection test failed, for a UI to choose its advice.</summary>
public enum ConnectionProblem
{
    None,

    /// <summary>No credentials, or AWS rejected them (unknown key, wrong secret, expired token).</summary>
    Credentials,

    /// <summary>The credentials are valid but may not call sts:GetCallerIdentity (rare: it needs no permission).</summary>
    AccessDenied,

    /// <summary>The endpoint did not answer after the bounded retries.</summary>
    Unreachable,

    /// <summary>The settings themselves are unusable (no region, malformed config file, unknown profile).</summary>
    Configuration,

    /// <summary>AWS answered with another error, or with something that is not an AWS response.</summary>
    Service,
}

/// <summary>
/// The answer to "test connection": who the credentials are (account, ARN, user id), or why it failed, in a message
/// that names the profile or access key id and never the secret.
/// </summary>
public sealed record ConnectionTestResult
{
    public bool Succeeded => Problem == ConnectionProblem.None;
    public ConnectionProblem Problem { get; init; }
    public string? Account { get; init; }
    public string? Arn { get; init; }
    public string? UserId { get; init; }

    /// <summary>Where the request went and where that endpoint came from (environment, profile, default).</summary>
    public string? Endpoint { get; init; }

    public string Message { get; init; } = "";
}

public static class StsConnectionTest
{
    /// <summary>
    /// Calls GetCallerIdentity and reports the identity, or the failure as a value: a connection test is asked
    /// precisely when something may be wrong, so failing is an answer, not an exception.
    /// </summary>
    public static async Task<ConnectionTestResult> TestConnectionAsync(this StsClient sts, CancellationToken cancellationToken = default)
    {
        string? endpoint = null;
        try
        {
            var resolved = sts.Pipeline.Endpoint;
            endpoint = $"{resolved.Url} ({resolved.Source})";
            var identity = await sts.GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false);
            return new ConnectionTestResult
            {
                Account = identity.Account,
                Arn = identity.Arn,
                UserId = identity.UserId,
                Endpoint = endpoint,
                Message = $"Connected to account {identity.Account} as {identity.Arn}.",
            };
        }
        catch (AwsException error)
        {
            return new ConnectionTestResult { Problem = Classify(error), Endpoint = endpoint, Message = error.Message };
        }
    }

    private static ConnectionProblem Classify(AwsException error) => error switch
    {
        AwsCredentialsException => ConnectionProblem.Credentials,
        AwsServiceException { IsCredentialsRejection: true } => ConnectionProblem.Credentials,
        AwsServiceException { Code: "AccessDenied" or "AccessDeniedException" } => ConnectionProblem.AccessDenied,
        AwsEndpointUnreachableException => ConnectionProblem.Unreachable,
        AwsConfigurationException => ConnectionProblem.Configuration,
        _ => ConnectionProblem.Service,
    };
}
