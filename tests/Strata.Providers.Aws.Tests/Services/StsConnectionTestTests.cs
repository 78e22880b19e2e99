using Strata.Providers.Aws.Configuration;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.Sts;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Services;

[Collection(MotoCollection.Name)]
public sealed class StsConnectionTestTests(MotoServerFixture moto)
{
    [Fact]
    public async Task TestConnection_AgainstMoto_ReportsTheIdentityTheAwsCliSees()
    {
        var result = await new StsClient(moto.CreateContext()).TestConnectionAsync();

        var cli = (await moto.Cli.JsonAsync("sts", "get-caller-identity")).RootElement;
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(ConnectionProblem.None, result.Problem);
        Assert.Equal(cli.GetProperty("Account").GetString(), result.Account);
        Assert.Equal(cli.GetProperty("Arn").GetString(), result.Arn);
        Assert.Equal(cli.GetProperty("UserId").GetString(), result.UserId);
        Assert.Contains(result.Account!, result.Message);
        Assert.Contains("AWS_ENDPOINT_URL", result.Endpoint);
    }

    [Fact]
    public async Task TestConnection_EndpointDown_ReportsUnreachableNamingTheEndpoint()
    {
        var closed = $"http://127.0.0.1:{FreePort.Next()}";
        var context = moto.CreateContext(env => env["AWS_ENDPOINT_URL"] = closed,
            new AwsContextOptions { Retry = RetryOptions.Default with { MaxAttempts = 1 } });

        var result = await new StsClient(context).TestConnectionAsync();

        Assert.False(result.Succeeded);
        Assert.Equal(ConnectionProblem.Unreachable, result.Problem);
        Assert.Contains(closed.Replace("http://", ""), result.Message);
    }

    [Fact]
    public async Task TestConnection_MalformedEndpointUrl_ReportsAConfigurationProblem()
    {
        // Endpoints are resolved at first use, so the test itself is what finds the bad setting.
        var context = moto.CreateContext(env => env["AWS_ENDPOINT_URL_STS"] = "not a url");

        var result = await new StsClient(context).TestConnectionAsync();

        Assert.Equal(ConnectionProblem.Configuration, result.Problem);
        Assert.Contains("AWS_ENDPOINT_URL_STS", result.Message);
    }
}

/// <summary>Wrong credentials against a moto that checks signatures: the test names the key, never the secret.</summary>
[Collection(AuthenticatingMotoCollection.Name)]
public sealed class StsConnectionCredentialTests(AuthenticatingMotoServerFixture moto)
{
    [Fact]
    public async Task TestConnection_WrongSecret_ReportsCredentialsNamingTheKeyIdNotTheSecret()
    {
        const string wrongSecret = "Wr0ngSecretThatMustNotAppearAnywhere/xyz";
        var variables = moto.UserKeyEnvironment();
        variables["AWS_SECRET_ACCESS_KEY"] = wrongSecret;
        var context = AwsClientContext.FromEnvironment(new MapEnvironment(variables),
            new AwsContextOptions { Retry = RetryOptions.Default with { MaxAttempts = 1 } });

        var result = await new StsClient(context).TestConnectionAsync();

        Assert.Equal(ConnectionProblem.Credentials, result.Problem);
        Assert.Contains(moto.UserAccessKeyId, result.Message);
        Assert.DoesNotContain(wrongSecret, result.Message);
    }

    [Fact]
    public async Task TestConnection_RealKey_ReportsTheUser()
    {
        var context = AwsClientContext.FromEnvironment(new MapEnvironment(moto.UserKeyEnvironment()));

        var result = await new StsClient(context).TestConnectionAsync();

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(moto.UserArn, result.Arn);
    }
}
