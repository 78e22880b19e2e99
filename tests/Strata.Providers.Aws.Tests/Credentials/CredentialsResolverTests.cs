using Strata.Providers.Aws.Configuration;
using Strata.Providers.Aws.Credentials;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Credentials;

/// <summary>The credential chain's choices and its error messages (no network: no role is assumed here).</summary>
public sealed class CredentialsResolverTests : IDisposable
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";
    private readonly TempDirectory _temp = new();
    private readonly Dictionary<string, string> _variables;

    public CredentialsResolverTests() => _variables = new()
    {
        ["AWS_CONFIG_FILE"] = Path.Combine(_temp.Path, "config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_temp.Path, "credentials"),
    };

    public void Dispose() => _temp.Dispose();

    private IAwsCredentialsProvider Resolve(string? explicitProfile = null)
    {
        var environment = new MapEnvironment(_variables);
        var resolver = new CredentialsResolver(environment, SharedConfig.Load(environment),
            _ => throw new InvalidOperationException("no STS call expected"), TimeProvider.System);
        return resolver.Resolve(ProfileSelection.From(environment, explicitProfile));
    }

    private async Task<AwsCredentials> ResolveCredentialsAsync(string? explicitProfile = null) =>
        await Resolve(explicitProfile).GetCredentialsAsync(CancellationToken.None);

    [Fact]
    public async Task Resolve_EnvironmentKeys_AreUsedWithTheSessionToken()
    {
        _variables["AWS_ACCESS_KEY_ID"] = "AKIDENV";
        _variables["AWS_SECRET_ACCESS_KEY"] = Secret;
        _variables["AWS_SESSION_TOKEN"] = "token-env";

        var credentials = await ResolveCredentialsAsync();

        Assert.Equal(("AKIDENV", Secret, "token-env"), (credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
        Assert.Equal(EnvironmentCredentials.Source, credentials.Source);
    }

    [Fact]
    public void Resolve_AccessKeyWithoutSecret_ErrorNamesTheKeyIdAndTheMissingVariable()
    {
        _variables["AWS_ACCESS_KEY_ID"] = "AKIDHALF";

        var error = Assert.Throws<AwsCredentialsException>(() => Resolve());

        Assert.Contains("AKIDHALF", error.Message);
        Assert.Contains("AWS_SECRET_ACCESS_KEY is not", error.Message);
        Assert.Equal("AKIDHALF", error.AccessKeyId);
    }

    [Fact]
    public void Resolve_SecretWithoutAccessKey_ErrorNeverShowsTheSecret()
    {
        _variables["AWS_SECRET_ACCESS_KEY"] = Secret;

        var error = Assert.Throws<AwsCredentialsException>(() => Resolve());

        Assert.Contains("AWS_ACCESS_KEY_ID is not", error.Message);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Fact]
    public async Task Resolve_ProfileFromAwsProfile_ReadsTheCredentialsFile()
    {
        var file = _temp.Write("credentials", $"[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = x\n[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = {Secret}\naws_session_token = tok\n");
        _variables["AWS_PROFILE"] = "dev";

        var credentials = await ResolveCredentialsAsync();

        Assert.Equal(("AKIDDEV", "tok"), (credentials.AccessKeyId, credentials.SessionToken));
        Assert.Equal($"profile 'dev' ({file})", credentials.Source);
    }

    [Fact]
    public async Task Resolve_AwsProfileAndEnvironmentKeys_EnvironmentKeysWinAsInTheAwsCli()
    {
        _temp.Write("credentials", "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = x\n");
        _variables["AWS_PROFILE"] = "dev";
        _variables["AWS_ACCESS_KEY_ID"] = "AKIDENV";
        _variables["AWS_SECRET_ACCESS_KEY"] = "y";

        Assert.Equal("AKIDENV", (await ResolveCredentialsAsync()).AccessKeyId);
    }

    [Fact]
    public async Task Resolve_ExplicitProfileAndEnvironmentKeys_ExplicitProfileWins()
    {
        _temp.Write("credentials", "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = x\n");
        _variables["AWS_ACCESS_KEY_ID"] = "AKIDENV";
        _variables["AWS_SECRET_ACCESS_KEY"] = "y";

        Assert.Equal("AKIDDEV", (await ResolveCredentialsAsync("dev")).AccessKeyId);
    }

    [Fact]
    public async Task Resolve_KeysInConfigFileOnly_AreUsed()
    {
        _temp.Write("config", "[profile ci]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = x\n");

        Assert.Equal("AKIDCONFIG", (await ResolveCredentialsAsync("ci")).AccessKeyId);
    }

    [Fact]
    public void Resolve_UnknownAwsProfile_ErrorNamesTheProfileWhereItCameFromAndBothFiles()
    {
        _variables["AWS_PROFILE"] = "prod";

        var error = Assert.Throws<AwsCredentialsException>(() => Resolve());

        Assert.Equal("prod", error.ProfileName);
        Assert.Contains("AWS profile 'prod' (from AWS_PROFILE) was not found", error.Message);
        Assert.Contains(_variables["AWS_CONFIG_FILE"], error.Message);
        Assert.Contains(_variables["AWS_SHARED_CREDENTIALS_FILE"], error.Message);
    }

    [Fact]
    public void Resolve_NothingConfigured_ErrorSaysWhatWasLookedAt()
    {
        var error = Assert.Throws<AwsCredentialsException>(() => Resolve());

        Assert.StartsWith("No AWS credentials found", error.Message);
        Assert.Contains("'default' profile", error.Message);
    }

    [Fact]
    public void Resolve_ProfileWithKeyIdButNoSecret_ErrorNamesProfileAndKeyId()
    {
        _temp.Write("credentials", "[dev]\naws_access_key_id = AKIDNOSECRET\n");

        var error = Assert.Throws<AwsCredentialsException>(() => Resolve("dev"));

        Assert.Contains("profile 'dev'", error.Message);
        Assert.Contains("AKIDNOSECRET", error.Message);
        Assert.Contains("not aws_secret_access_key", error.Message);
    }

    [Fact]
    public void Resolve_ProfileWithSecretButNoKeyId_ErrorNeverShowsTheSecret()
    {
        _temp.Write("credentials", $"[dev]\naws_secret_access_key = {Secret}\n");

        var error = Assert.Throws<AwsCredentialsException>(() => Resolve("dev"));

        Assert.Contains("profile 'dev'", error.Message);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Theory]
    [InlineData("credential_process = /usr/bin/fetch-creds", "credential_process")]
    [InlineData("sso_session = corp", "sso_session")]
    public void Resolve_UnsupportedCredentialSource_ErrorNamesProfileAndFeature(string setting, string feature)
    {
        _temp.Write("config", $"[profile corp]\n{setting}\n");

        var error = Assert.Throws<AwsCredentialsException>(() => Resolve("corp"));

        Assert.Contains("profile 'corp'", error.Message);
        Assert.Contains(feature, error.Message);
    }

    [Fact]
    public void Resolve_RoleWithoutSource_ErrorNamesTheProfile()
    {
        _temp.Write("config", "[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\n");

        var error = Assert.Throws<AwsCredentialsException>(() => Resolve("deploy"));

        Assert.Contains("profile 'deploy'", error.Message);
        Assert.Contains("neither source_profile nor credential_source", error.Message);
    }

    [Fact]
    public void Resolve_SourceProfileLoop_ErrorShowsTheChain()
    {
        _temp.Write("config", """
            [profile a]
            role_arn = arn:aws:iam::123456789012:role/a
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::123456789012:role/b
            source_profile = a
            """);

        var error = Assert.Throws<AwsCredentialsException>(() => Resolve("a"));

        Assert.Contains("source_profile loop: 'a' -> 'b' -> 'a'", error.Message);
    }

    [Fact]
    public void Resolve_MissingSourceProfile_ErrorNamesBothProfiles()
    {
        _temp.Write("config", "[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/d\nsource_profile = base\n");

        var error = Assert.Throws<AwsCredentialsException>(() => Resolve("deploy"));

        Assert.Contains("profile 'deploy'", error.Message);
        Assert.Contains("source_profile 'base'", error.Message);
    }

    [Fact]
    public void Resolve_RoleRequiringMfa_IsRefusedWithAReason()
    {
        _temp.Write("config", "[profile admin]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = admin\nmfa_serial = arn:aws:iam::1:mfa/me\naws_access_key_id = A\naws_secret_access_key = s\n");

        var error = Assert.Throws<AwsCredentialsException>(() => Resolve("admin"));

        Assert.Contains("MFA", error.Message);
    }

    [Theory]
    [InlineData("60")]
    [InlineData("one hour")]
    [InlineData("50000")]
    public void Resolve_InvalidDurationSeconds_ErrorNamesProfileAndValue(string value)
    {
        _temp.Write("config", $"[profile deploy]\nrole_arn = arn:aws:iam::1:role/d\ncredential_source = Environment\nduration_seconds = {value}\n");

        var error = Assert.Throws<AwsConfigurationException>(() => Resolve("deploy"));

        Assert.Contains("profile 'deploy'", error.Message);
        Assert.Contains($"duration_seconds = {value}", error.Message);
    }

    [Fact]
    public void Resolve_UnsupportedCredentialSourceValue_ErrorNamesIt()
    {
        _temp.Write("config", "[profile box]\nrole_arn = arn:aws:iam::1:role/d\ncredential_source = Ec2InstanceMetadata\n");

        var error = Assert.Throws<AwsCredentialsException>(() => Resolve("box"));

        Assert.Contains("credential_source = Ec2InstanceMetadata", error.Message);
    }

    [Fact]
    public void Credentials_ToString_NeverShowsSecretOrToken()
    {
        var credentials = new AwsCredentials("AKIDSHOW", Secret, "session-token-value", source: "test");

        var text = credentials.ToString();

        Assert.Contains("AKIDSHOW", text);
        Assert.DoesNotContain(Secret, text);
        Assert.DoesNotContain("session-token-value", text);
        Assert.Equal("access key id AKIDSHOW from test", credentials.Describe());
    }
}
