using Strata.Providers.Aws.Configuration;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Configuration;

public sealed class SharedConfigTests
{
    private static SharedConfig Load(string config, string credentials)
    {
        var configSections = SharedConfigFile.Parse(config, "/h/.aws/config");
        var credentialSections = SharedConfigFile.Parse(credentials, "/h/.aws/credentials");
        return SharedConfig.FromSections("/h/.aws/config", configSections, "/h/.aws/credentials", credentialSections);
    }

    [Fact]
    public void FromSections_ProfileInBothFiles_MergesWithCredentialsFileWinning()
    {
        var shared = Load(
            "[profile dev]\nregion = eu-central-1\naws_access_key_id = AKIDFROMCONFIG\n",
            "[dev]\naws_access_key_id = AKIDFROMCREDENTIALS\naws_secret_access_key = s\n");

        var dev = shared.GetProfile("dev");

        Assert.Equal("eu-central-1", dev.Get("region"));
        Assert.Equal("AKIDFROMCREDENTIALS", dev.Get("aws_access_key_id"));
        Assert.Equal("/h/.aws/credentials", dev.FileOf("aws_access_key_id"));
        Assert.Equal("/h/.aws/config", dev.FileOf("region"));
        Assert.Equal("profile 'dev' (/h/.aws/config, /h/.aws/credentials)", dev.Describe());
    }

    [Fact]
    public void FromSections_ConfigSectionsWithoutProfilePrefix_AreNotProfiles()
    {
        var shared = Load("[default]\nregion = a\n[profile default]\noutput = json\n[dev]\nregion = b\n[sso-session corp]\nsso_region = c\n", "");

        Assert.Equal(["default"], shared.ProfileNames);
        Assert.Equal("json", shared.GetProfile("default").Get("output"));
        Assert.Equal("a", shared.GetProfile("default").Get("region"));
    }

    [Fact]
    public void FromSections_ServicesSection_IsAvailableByName()
    {
        var shared = Load("[services local]\ncloudformation =\n  endpoint_url = http://localhost:5000\n", "");

        Assert.Equal("http://localhost:5000", shared.FindServicesSection("local")!.Nested["cloudformation"]["endpoint_url"]);
    }

    [Fact]
    public void GetProfile_Unknown_ErrorNamesTheProfileAndBothFiles()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => Load("", "").GetProfile("prod"));

        Assert.Equal("AWS profile 'prod' was not found in /h/.aws/config or /h/.aws/credentials.", error.Message);
    }

    [Fact]
    public void Load_FileVariablesWithTilde_ExpandToTheHomeDirectory()
    {
        using var temp = new TempDirectory();
        temp.Write("custom/conf", "[profile x]\nregion = ap-south-1\n");
        var environment = new MapEnvironment(new Dictionary<string, string>
        {
            ["AWS_CONFIG_FILE"] = "~/custom/conf",
        }, temp.Path);

        var shared = SharedConfig.Load(environment);

        Assert.Equal(Path.Combine(temp.Path, "custom/conf"), shared.ConfigPath);
        Assert.Equal(Path.Combine(temp.Path, ".aws", "credentials"), shared.CredentialsPath);
        Assert.Equal("ap-south-1", shared.GetProfile("x").Get("region"));
    }
}
