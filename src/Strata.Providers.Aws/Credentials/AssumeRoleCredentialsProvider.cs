using Strata.Providers.Aws.Services.Sts;

namespace Strata.Providers.Aws.Credentials;

/// <summary>
/// Temporary credentials from STS AssumeRole, called with the source credentials. They are cached and
/// renewed a few minutes before they expire, so long deployments keep working.
/// </summary>
public sealed class AssumeRoleCredentialsProvider : IAwsCredentialsProvider
{
    /// <summary>Renew this long before expiry, so a request signed now is not rejected in flight.</summary>
    public static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly IAwsCredentialsProvider _source;
    private readonly AssumeRoleSettings _settings;
    private readonly Func<IAwsCredentialsProvider, StsClient> _stsFactory;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AwsCredentials? _cached;

    /// <param name="stsFactory">Builds the STS client that signs with the source credentials.</param>
    public AssumeRoleCredentialsProvider(IAwsCredentialsProvider source, AssumeRoleSettings settings,
        Func<IAwsCredentialsProvider, StsClient> stsFactory, TimeProvider time)
    {
        _source = source;
        _settings = settings;
        _stsFactory = stsFactory;
        _time = time;
    }

    public string Description => $"role {_settings.RoleArn} assumed for {_settings.Origin} with {_source.Description}";

    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        if (IsFresh(_cached)) return _cached!;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsFresh(_cached)) return _cached!;
            _cached = await AssumeAsync(cancellationToken).ConfigureAwait(false);
            return _cached;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsFresh(AwsCredentials? credentials) =>
        credentials is not null &&
        (credentials.Expiration is null || credentials.Expiration.Value - RefreshBeforeExpiry > _time.GetUtcNow());

    private async Task<AwsCredentials> AssumeAsync(CancellationToken cancellationToken)
    {
        var sourceCredentials = await _source.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        var request = new AssumeRoleRequest(_settings.RoleArn,
            _settings.RoleSessionName ?? $"strata-{_time.GetUtcNow().ToUnixTimeSeconds()}")
        {
            ExternalId = _settings.ExternalId,
            DurationSeconds = _settings.Duration is { } d ? (int)d.TotalSeconds : null,
        };
        try
        {
            var response = await _stsFactory(new StaticCredentialsProvider(sourceCredentials))
                .AssumeRoleAsync(request, cancellationToken).ConfigureAwait(false);
            var issued = response.Credentials;
            return new AwsCredentials(issued.AccessKeyId, issued.SecretAccessKey, issued.SessionToken, issued.Expiration,
                $"role {_settings.RoleArn} assumed for {_settings.Origin}");
        }
        catch (Protocol.AwsServiceException e)
        {
            throw new AwsCredentialsException(
                $"Could not assume role {_settings.RoleArn} for {_settings.Origin} with {sourceCredentials.Describe()}: {e.Code}: {e.ErrorMessage}",
                accessKeyId: sourceCredentials.AccessKeyId, inner: e);
        }
    }
}
