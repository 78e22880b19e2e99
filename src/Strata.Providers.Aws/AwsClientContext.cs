using Strata.Providers.Aws.Configuration;
using Strata.Providers.Aws.Credentials;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws;

/// <summary>
/// Everything the service clients share: region, credentials, endpoint resolution, retry policy, clock and
/// HTTP connection pool. Immutable; <c>With*</c> returns a changed copy (e.g. for an assumed role).
/// </summary>
public sealed class AwsClientContext
{
    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        // A redirect would be sent unsigned for the new host; AWS redirects are errors to report (S3's wrong region).
        AllowAutoRedirect = false,
    })
    {
        // Time-outs are per attempt, in the pipeline, so that retries can follow them.
        Timeout = Timeout.InfiniteTimeSpan,
    });

    private readonly Func<ServiceDescriptor, string, ResolvedEndpoint> _endpoints;

    public AwsClientContext(string region, IAwsCredentialsProvider credentials,
        Func<ServiceDescriptor, string, ResolvedEndpoint>? endpoints = null,
        RetryOptions? retry = null, TimeProvider? time = null, HttpClient? http = null)
    {
        if (string.IsNullOrWhiteSpace(region)) throw new AwsConfigurationException("The AWS region is empty.");
        Region = region;
        Credentials = credentials;
        _endpoints = endpoints ?? ((service, r) => new ResolvedEndpoint(EndpointResolver.DefaultEndpoint(service, r),
            service.FixedSigningRegion ?? r, "default"));
        Retry = retry ?? RetryOptions.Default;
        Retry.Validate();
        Time = time ?? TimeProvider.System;
        Http = http ?? SharedHttp.Value;
    }

    public string Region { get; }
    public IAwsCredentialsProvider Credentials { get; }
    public RetryOptions Retry { get; }
    public TimeProvider Time { get; }
    public HttpClient Http { get; }

    public ResolvedEndpoint ResolveEndpoint(ServiceDescriptor service) => _endpoints(service, Region);

    public AwsClientContext WithCredentials(IAwsCredentialsProvider credentials) =>
        new(Region, credentials, _endpoints, Retry, Time, Http);

    public AwsClientContext WithRegion(string region) => new(region, Credentials, _endpoints, Retry, Time, Http);

    public AwsClientContext WithRetry(RetryOptions retry) => new(Region, Credentials, _endpoints, retry, Time, Http);

    /// <summary>Sends every service to <paramref name="url"/> (an emulator, a proxy, a VPC endpoint).</summary>
    public AwsClientContext WithEndpoint(Uri url, string source = "an explicit endpoint") =>
        new(Region, Credentials, (service, r) => new ResolvedEndpoint(url, service.FixedSigningRegion ?? r, source), Retry, Time, Http);

    /// <summary>
    /// Settings as the AWS tools read them: region from AWS_REGION / AWS_DEFAULT_REGION / the profile;
    /// credentials from the environment or the profile (with AssumeRole); endpoints from AWS_ENDPOINT_URL*
    /// or the profile; retry attempts from AWS_MAX_ATTEMPTS / max_attempts.
    /// </summary>
    public static AwsClientContext FromEnvironment(IAwsEnvironment environment, AwsContextOptions? options = null)
    {
        options ??= new AwsContextOptions();
        var shared = SharedConfig.Load(environment);
        var selection = ProfileSelection.From(environment, options.ProfileName);
        var profile = shared.FindProfile(selection.Name);
        var region = options.Region ?? ResolveRegion(environment, profile, selection, shared);
        var retry = options.Retry ?? RetryOptions.Default with { MaxAttempts = ResolveMaxAttempts(environment, profile) };
        var time = options.Time ?? TimeProvider.System;
        var endpoints = new EndpointResolver(environment, profile, shared);

        AwsClientContext? context = null;
        var resolver = new CredentialsResolver(environment, shared,
            source => new Services.Sts.StsClient(context!.WithCredentials(source)), time);
        context = new AwsClientContext(region, resolver.Resolve(selection), endpoints.Resolve, retry, time, options.Http);
        return context;
    }

    private static string ResolveRegion(IAwsEnvironment environment, AwsProfile? profile, ProfileSelection selection, SharedConfig shared)
    {
        foreach (var variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
            if (environment.GetVariable(variable) is { } value && !string.IsNullOrWhiteSpace(value))
                return value.Trim();
        return profile?.Get("region") ?? throw new AwsConfigurationException(
            $"No AWS region configured: set AWS_REGION, or 'region' in profile '{selection.Name}' in {shared.ConfigPath}.");
    }

    private static int ResolveMaxAttempts(IAwsEnvironment environment, AwsProfile? profile)
    {
        var (value, source) = environment.GetVariable("AWS_MAX_ATTEMPTS") is { Length: > 0 } fromEnvironment
            ? (fromEnvironment, "AWS_MAX_ATTEMPTS")
            : (profile?.Get("max_attempts"), $"max_attempts in {profile?.Describe()}");
        if (value is null) return RetryOptions.Default.MaxAttempts;
        if (!int.TryParse(value.Trim(), out var attempts) || attempts < 1 || attempts > 50)
            throw new AwsConfigurationException($"{source} is '{value}'; it must be a whole number from 1 to 50.");
        return attempts;
    }
}

/// <summary>Overrides for <see cref="AwsClientContext.FromEnvironment"/>.</summary>
public sealed record AwsContextOptions
{
    /// <summary>A profile named by the caller (e.g. a --profile option); it wins over environment keys.</summary>
    public string? ProfileName { get; init; }

    public string? Region { get; init; }
    public RetryOptions? Retry { get; init; }
    public TimeProvider? Time { get; init; }
    public HttpClient? Http { get; init; }
}
