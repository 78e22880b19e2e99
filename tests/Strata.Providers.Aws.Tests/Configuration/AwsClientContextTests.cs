using Strata.Providers.Aws.Configuration;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Configuration;

public sealed class AwsClientContextTests
{
    private static Dictionary<string, string> Base(TempDirectory temp) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIDCTX",
        ["AWS_SECRET_ACCESS_KEY"] = "ctx-secret",
        ["AWS_CONFIG_FILE"] = Path.Combine(temp.Path, "config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(temp.Path, "credentials"),
    };

    [Fact]
    public void FromEnvironment_AwsRegion_WinsOverDefaultRegionAndProfile()
    {
        using var temp = new TempDirectory();
        temp.Write("config", "[default]\nregion = ap-south-1\n");
        var variables = Base(temp);
        variables["AWS_REGION"] = "eu-west-3";
        variables["AWS_DEFAULT_REGION"] = "us-west-2";

        Assert.Equal("eu-west-3", AwsClientContext.FromEnvironment(new MapEnvironment(variables)).Region);
        variables.Remove("AWS_REGION");
        Assert.Equal("us-west-2", AwsClientContext.FromEnvironment(new MapEnvironment(variables)).Region);
        variables.Remove("AWS_DEFAULT_REGION");
        Assert.Equal("ap-south-1", AwsClientContext.FromEnvironment(new MapEnvironment(variables)).Region);
    }

    [Fact]
    public void FromEnvironment_RegionOfSelectedProfile_IsUsed()
    {
        using var temp = new TempDirectory();
        temp.Write("config", "[default]\nregion = ap-south-1\n[profile dev]\nregion = sa-east-1\n");
        var variables = Base(temp);
        variables["AWS_PROFILE"] = "dev";

        Assert.Equal("sa-east-1", AwsClientContext.FromEnvironment(new MapEnvironment(variables)).Region);
    }

    [Fact]
    public void FromEnvironment_NoRegionAnywhere_ErrorNamesProfileAndConfigFile()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<AwsConfigurationException>(() => AwsClientContext.FromEnvironment(new MapEnvironment(Base(temp))));

        Assert.Contains("AWS_REGION", error.Message);
        Assert.Contains("profile 'default'", error.Message);
        Assert.Contains(Path.Combine(temp.Path, "config"), error.Message);
    }

    [Fact]
    public void FromEnvironment_MaxAttempts_FromVariableOrProfile()
    {
        using var temp = new TempDirectory();
        temp.Write("config", "[default]\nregion = us-east-1\nmax_attempts = 7\n");
        var variables = Base(temp);

        Assert.Equal(7, AwsClientContext.FromEnvironment(new MapEnvironment(variables)).Retry.MaxAttempts);
        variables["AWS_MAX_ATTEMPTS"] = "2";
        Assert.Equal(2, AwsClientContext.FromEnvironment(new MapEnvironment(variables)).Retry.MaxAttempts);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("three")]
    [InlineData("-1")]
    public void FromEnvironment_InvalidMaxAttempts_ErrorNamesTheVariable(string value)
    {
        using var temp = new TempDirectory();
        var variables = Base(temp);
        variables["AWS_REGION"] = "us-east-1";
        variables["AWS_MAX_ATTEMPTS"] = value;

        var error = Assert.Throws<AwsConfigurationException>(() => AwsClientContext.FromEnvironment(new MapEnvironment(variables)));

        Assert.StartsWith($"AWS_MAX_ATTEMPTS is '{value}'", error.Message);
    }

    [Fact]
    public void FromEnvironment_ExplicitOptions_OverrideTheEnvironment()
    {
        using var temp = new TempDirectory();
        var variables = Base(temp);
        variables["AWS_REGION"] = "us-east-1";

        var context = AwsClientContext.FromEnvironment(new MapEnvironment(variables), new AwsContextOptions { Region = "eu-north-1" });

        Assert.Equal("eu-north-1", context.Region);
        Assert.Equal("https://sts.eu-north-1.amazonaws.com/", context.ResolveEndpoint(Strata.Providers.Aws.Protocol.AwsServices.Sts).Url.ToString());
    }
}
