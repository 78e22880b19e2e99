using Strata.Providers.Aws.Configuration;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Tests.Configuration;

public sealed class EndpointResolverTests
{
    private static EndpointResolver Resolver(Dictionary<string, string> variables, string config = "", string profile = "default")
    {
        var shared = SharedConfig.FromSections("/h/config", SharedConfigFile.Parse(config, "/h/config"), "/h/credentials", []);
        return new EndpointResolver(new MapEnvironment(variables), shared.FindProfile(profile), shared);
    }

    private const string Config = """
        [default]
        endpoint_url = http://profile-global:1000
        services = local
        [services local]
        cloudformation =
          endpoint_url = http://services-cfn:2000
        service_quotas =
          endpoint_url = http://services-sq:3000
        """;

    [Fact]
    public void Resolve_ServiceSpecificVariable_WinsOverEverything()
    {
        var resolver = Resolver(new()
        {
            ["AWS_ENDPOINT_URL_CLOUDFORMATION"] = "http://env-cfn:1",
            ["AWS_ENDPOINT_URL"] = "http://env-global:2",
        }, Config);

        var endpoint = resolver.Resolve(AwsServices.CloudFormation, "eu-west-1");

        Assert.Equal(new Uri("http://env-cfn:1"), endpoint.Url);
        Assert.Equal("AWS_ENDPOINT_URL_CLOUDFORMATION", endpoint.Source);
        Assert.Equal("eu-west-1", endpoint.SigningRegion);
        Assert.True(endpoint.IsCustom);
    }

    [Fact]
    public void Resolve_GlobalVariable_WinsOverTheProfile()
    {
        var endpoint = Resolver(new() { ["AWS_ENDPOINT_URL"] = "http://env-global:2" }, Config).Resolve(AwsServices.Ec2, "us-east-1");

        Assert.Equal(("http://env-global:2/", "AWS_ENDPOINT_URL"), (endpoint.Url.ToString(), endpoint.Source));
    }

    [Fact]
    public void Resolve_ServiceIdWithSpace_UsesUnderscoredNames()
    {
        Assert.Equal("SERVICE_QUOTAS", AwsServices.ServiceQuotas.EnvironmentSuffix);
        Assert.Equal("COST_EXPLORER", AwsServices.CostExplorer.EnvironmentSuffix);
        var fromVariable = Resolver(new() { ["AWS_ENDPOINT_URL_SERVICE_QUOTAS"] = "http://sq:9" }).Resolve(AwsServices.ServiceQuotas, "us-east-1");
        var fromServices = Resolver(new(), Config).Resolve(AwsServices.ServiceQuotas, "us-east-1");

        Assert.Equal(new Uri("http://sq:9"), fromVariable.Url);
        Assert.Equal(new Uri("http://services-sq:3000"), fromServices.Url);
    }

    [Fact]
    public void Resolve_ServicesSectionThenProfileEndpoint_InThatOrder()
    {
        var resolver = Resolver(new(), Config);

        var cfn = resolver.Resolve(AwsServices.CloudFormation, "us-east-1");
        var ec2 = resolver.Resolve(AwsServices.Ec2, "us-east-1");

        Assert.Equal(new Uri("http://services-cfn:2000"), cfn.Url);
        Assert.Contains("[services local] cloudformation.endpoint_url", cfn.Source);
        Assert.Equal("us-east-1", cfn.SigningRegion);
        Assert.Equal(new Uri("http://profile-global:1000"), ec2.Url);
        Assert.Contains("profile 'default'", ec2.Source);
    }

    [Fact]
    public void Resolve_IgnoreConfiguredEndpoints_UsesTheAwsDefault()
    {
        var endpoint = Resolver(new()
        {
            ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true",
            ["AWS_ENDPOINT_URL"] = "http://env-global:2",
        }, Config).Resolve(AwsServices.CloudFormation, "eu-west-1");

        Assert.Equal(new Uri("https://cloudformation.eu-west-1.amazonaws.com/"), endpoint.Url);
        Assert.False(endpoint.IsCustom);
    }

    [Fact]
    public void Resolve_MissingServicesSection_ErrorNamesProfileAndSection()
    {
        var error = Assert.Throws<AwsConfigurationException>(() =>
            Resolver(new(), "[default]\nservices = nowhere\n").Resolve(AwsServices.Sts, "us-east-1"));

        Assert.Contains("[services nowhere]", error.Message);
        Assert.Contains("profile 'default'", error.Message);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com")]
    [InlineData("localhost:4566")]
    public void Resolve_InvalidEndpointVariable_ErrorNamesTheVariable(string value)
    {
        var error = Assert.Throws<AwsConfigurationException>(() =>
            Resolver(new() { ["AWS_ENDPOINT_URL_EC2"] = value }).Resolve(AwsServices.Ec2, "us-east-1"));

        Assert.StartsWith($"AWS_ENDPOINT_URL_EC2 is '{value}'", error.Message);
    }

    [Theory]
    [InlineData("CloudFormation", "us-east-1", "https://cloudformation.us-east-1.amazonaws.com/", "us-east-1")]
    [InlineData("EC2", "cn-north-1", "https://ec2.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("S3", "eu-west-1", "https://s3.eu-west-1.amazonaws.com/", "eu-west-1")]
    [InlineData("Budgets", "eu-west-1", "https://budgets.amazonaws.com/", "us-east-1")]
    [InlineData("IAM", "ap-southeast-2", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("Cost Explorer", "eu-west-1", "https://ce.us-east-1.amazonaws.com/", "us-east-1")]
    [InlineData("CloudControl", "eu-north-1", "https://cloudcontrolapi.eu-north-1.amazonaws.com/", "eu-north-1")]
    public void Resolve_NothingConfigured_UsesThePublicEndpoint(string serviceId, string region, string url, string signingRegion)
    {
        var service = new[]
        {
            AwsServices.CloudFormation, AwsServices.Ec2, AwsServices.S3, AwsServices.Budgets, AwsServices.Iam,
            AwsServices.CostExplorer, AwsServices.CloudControl,
        }.Single(s => s.ServiceId == serviceId);

        var endpoint = Resolver(new()).Resolve(service, region);

        Assert.Equal((url, signingRegion, "default"), (endpoint.Url.ToString(), endpoint.SigningRegion, endpoint.Source));
    }
}
