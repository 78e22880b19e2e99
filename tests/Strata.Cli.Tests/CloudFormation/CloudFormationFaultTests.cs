using Strata.Cli.Tests.Support;

namespace Strata.Cli.Tests.CloudFormation;

/// <summary>
/// What a user sees when AWS cannot be used: exit 2 and one line on stderr naming the profile, key id or endpoint,
/// never the secret, and no stack trace. Against a moto that checks signatures and keys (it knows none, so every key
/// is wrong), and against a loopback port nothing listens on.
/// </summary>
public sealed class CloudFormationFaultTests(AuthenticatingMotoServer moto) : IClassFixture<AuthenticatingMotoServer>, IDisposable
{
    private const string WrongSecret = "Wr0ngSecretThatMustNeverBePrinted/abcdefgh";

    private readonly string _data = Directory.CreateTempSubdirectory("strata-cfn-faults-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private Task<CliResult> UpAsync(Dictionary<string, string?> environment) =>
        CliRunner.RunProcessAsync(environment, "up", CliRunner.Example("web-server.yaml"), "--stack", "faulty", "--provider", "cloudformation",
            "--format", "json", "--data", _data);

    private static void AssertOneCleanLine(CliResult result, string secret)
    {
        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("strata: ", lines[0]);
        Assert.DoesNotContain(secret, result.Stdout + result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task Up_WrongKeyInEnvironment_ExitsTwoNamingTheKeyIdButNotTheSecret()
    {
        var environment = moto.UserEnvironment();
        environment["AWS_SECRET_ACCESS_KEY"] = WrongSecret;

        var result = await UpAsync(environment);

        AssertOneCleanLine(result, WrongSecret);
        Assert.Contains(MotoServer.AccessKeyId, result.Stderr);
        Assert.Contains("environment", result.Stderr);
    }

    [Fact]
    public async Task Up_WrongKeyInProfile_ExitsTwoNamingTheProfileButNotTheSecret()
    {
        var credentials = Path.Combine(_data, "credentials");
        await File.WriteAllTextAsync(credentials, $"[ops]\naws_access_key_id = AKIAUNKNOWNCLIKEY001\naws_secret_access_key = {WrongSecret}\n");
        var environment = moto.UserEnvironment();
        environment["AWS_ACCESS_KEY_ID"] = null;
        environment["AWS_SECRET_ACCESS_KEY"] = null;
        environment["AWS_SHARED_CREDENTIALS_FILE"] = credentials;
        environment["AWS_PROFILE"] = "ops";

        var result = await UpAsync(environment);

        AssertOneCleanLine(result, WrongSecret);
        Assert.Contains("AKIAUNKNOWNCLIKEY001", result.Stderr);
        Assert.Contains("'ops'", result.Stderr);
    }

    [Fact]
    public async Task Up_EndpointNotListening_ExitsTwoNamingTheEndpoint()
    {
        var environment = moto.UserEnvironment();
        var nowhere = $"http://127.0.0.1:{MotoServer.FreePort()}";
        environment["AWS_ENDPOINT_URL"] = nowhere;

        var result = await UpAsync(environment);

        AssertOneCleanLine(result, MotoServer.SecretAccessKey);
        Assert.Contains(nowhere, result.Stderr);
        Assert.Contains("AWS_ENDPOINT_URL", result.Stderr);
    }
}
