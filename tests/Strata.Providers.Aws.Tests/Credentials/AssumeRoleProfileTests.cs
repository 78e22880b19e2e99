using Strata.Providers.Aws.Credentials;
using Strata.Providers.Aws.Services.Sts;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Credentials;

/// <summary>
/// Profiles with role_arn / source_profile / external_id / role_session_name, resolved and used against moto's
/// STS; a forwarding proxy records what went over the wire.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class AssumeRoleProfileTests(MotoServerFixture moto) : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private FaultInjectingProxy _proxy = null!;

    public Task InitializeAsync()
    {
        _proxy = new FaultInjectingProxy(moto.Endpoint);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        _temp.Dispose();
    }

    /// <param name="environmentKeys">Keep the access keys in the environment; the profile is then named
    /// explicitly (as a --profile option would), since AWS_PROFILE alone yields to environment keys.</param>
    private AwsClientContext Context(string profile, TimeProvider? time = null, bool environmentKeys = false) =>
        moto.CreateContext(env =>
        {
            env["AWS_ENDPOINT_URL"] = _proxy.Url.ToString();
            env["AWS_CONFIG_FILE"] = Path.Combine(_temp.Path, "config");
            env["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_temp.Path, "credentials");
            if (environmentKeys) return;
            env["AWS_PROFILE"] = profile;
            env.Remove("AWS_ACCESS_KEY_ID");
            env.Remove("AWS_SECRET_ACCESS_KEY");
        }, new AwsContextOptions { Time = time, ProfileName = environmentKeys ? profile : null });

    private IEnumerable<Dictionary<string, string>> StsCalls(string action) =>
        _proxy.Requests.Select(RecordedAwsEndpoint.Form).Where(f => f.GetValueOrDefault("Action") == action);

    [Fact]
    public async Task Profile_RoleWithSourceProfileAndExternalId_AssumesTheRoleAndSignsWithItsCredentials()
    {
        _temp.Write("credentials", "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n");
        _temp.Write("config", """
            [profile tenant]
            role_arn = arn:aws:iam::123456789012:role/StrataDeployer
            source_profile = base
            external_id = acme-4711
            role_session_name = strata-acme
            duration_seconds = 1800
            """);

        var identity = await new StsClient(Context("tenant")).GetCallerIdentityAsync();

        Assert.Equal("arn:aws:sts::123456789012:assumed-role/StrataDeployer/strata-acme", identity.Arn);
        var assume = Assert.Single(StsCalls("AssumeRole"));
        Assert.Equal(("arn:aws:iam::123456789012:role/StrataDeployer", "acme-4711", "strata-acme", "1800"),
            (assume["RoleArn"], assume["ExternalId"], assume["RoleSessionName"], assume["DurationSeconds"]));
        var requests = _proxy.Requests.ToList();
        Assert.Contains("Credential=AKIDBASE/", requests[0].Header("Authorization"));
        Assert.Contains("Credential=ASIA", requests[1].Header("Authorization"));
        Assert.Contains("x-amz-security-token", requests[1].Header("Authorization"));
        Assert.False(string.IsNullOrEmpty(requests[1].Header("X-Amz-Security-Token")));
    }

    [Fact]
    public async Task Profile_ChainedRoles_AssumesEachRoleInTurn()
    {
        _temp.Write("credentials", "[root]\naws_access_key_id = AKIDROOT\naws_secret_access_key = s\n");
        _temp.Write("config", """
            [profile hub]
            role_arn = arn:aws:iam::111111111111:role/Hub
            source_profile = root
            [profile spoke]
            role_arn = arn:aws:iam::123456789012:role/Spoke
            source_profile = hub
            role_session_name = spoke-session
            """);

        var identity = await new StsClient(Context("spoke")).GetCallerIdentityAsync();

        Assert.Equal("arn:aws:sts::123456789012:assumed-role/Spoke/spoke-session", identity.Arn);
        Assert.Equal(["arn:aws:iam::111111111111:role/Hub", "arn:aws:iam::123456789012:role/Spoke"],
            StsCalls("AssumeRole").Select(c => c["RoleArn"]));
    }

    [Fact]
    public async Task Profile_CredentialSourceEnvironment_AssumesWithTheEnvironmentKeys()
    {
        _temp.Write("config", "[profile ci]\nrole_arn = arn:aws:iam::123456789012:role/Ci\ncredential_source = Environment\n");

        await new StsClient(Context("ci", environmentKeys: true)).GetCallerIdentityAsync();

        Assert.Contains($"Credential={MotoServerFixture.AccessKeyId}/", _proxy.Requests.First().Header("Authorization"));
        Assert.Single(StsCalls("AssumeRole"));
    }

    [Fact]
    public async Task AssumedCredentials_ReusedUntilNearExpiry_ThenRenewed()
    {
        _temp.Write("credentials", "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n");
        _temp.Write("config", "[profile tenant]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = base\nduration_seconds = 900\n");
        var clock = new ManualClock();
        var sts = new StsClient(Context("tenant", clock));

        await sts.GetCallerIdentityAsync();
        await sts.GetCallerIdentityAsync();
        Assert.Single(StsCalls("AssumeRole"));

        clock.Advance(TimeSpan.FromMinutes(15) - AssumeRoleCredentialsProvider.RefreshBeforeExpiry + TimeSpan.FromSeconds(1));
        await sts.GetCallerIdentityAsync();
        Assert.Equal(2, StsCalls("AssumeRole").Count());
    }

    [Fact]
    public async Task AssumeRoleProvider_TenantRoleWithExternalId_ProvidesTemporaryCredentials()
    {
        var context = moto.CreateContext(env => env["AWS_ENDPOINT_URL"] = _proxy.Url.ToString());
        var provider = new AssumeRoleCredentialsProvider(context.Credentials,
            new AssumeRoleSettings("arn:aws:iam::123456789012:role/TenantAccess", "tenant acme") { ExternalId = "ext-123" },
            source => new StsClient(context.WithCredentials(source)), TimeProvider.System);

        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.StartsWith("ASIA", credentials.AccessKeyId);
        Assert.NotNull(credentials.SessionToken);
        Assert.Equal("role arn:aws:iam::123456789012:role/TenantAccess assumed for tenant acme", credentials.Source);
        Assert.Equal("ext-123", Assert.Single(StsCalls("AssumeRole"))["ExternalId"]);
        Assert.Matches("^strata-[0-9]+$", Assert.Single(StsCalls("AssumeRole"))["RoleSessionName"]);
    }
}
