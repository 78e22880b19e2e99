using Strata.Providers.Aws.Services.Sts;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Services;

[Collection(MotoCollection.Name)]
public sealed class StsClientTests(MotoServerFixture moto)
{
    [Fact]
    public async Task GetCallerIdentity_AgainstMoto_ReturnsAccountArnAndUserId()
    {
        var sts = new StsClient(moto.CreateContext());

        var identity = await sts.GetCallerIdentityAsync();

        var expected = (await moto.Cli.JsonAsync("sts", "get-caller-identity")).RootElement;
        Assert.Equal(expected.GetProperty("Account").GetString(), identity.Account);
        Assert.Equal(expected.GetProperty("Arn").GetString(), identity.Arn);
        Assert.Matches("^[0-9]{12}$", identity.Account);
    }

    [Fact]
    public async Task AssumeRole_WithExternalIdAndSessionName_ReturnsTemporaryCredentialsForTheRole()
    {
        var sts = new StsClient(moto.CreateContext());
        var roleArn = $"arn:aws:iam::123456789012:role/strata-deployer-{Guid.NewGuid():N}";

        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest(roleArn, "strata-test-session")
        {
            ExternalId = "tenant-acme-4711",
            DurationSeconds = 900,
        });

        Assert.StartsWith("ASIA", response.Credentials.AccessKeyId);
        Assert.False(string.IsNullOrEmpty(response.Credentials.SecretAccessKey));
        Assert.False(string.IsNullOrEmpty(response.Credentials.SessionToken));
        Assert.NotNull(response.Credentials.Expiration);
        Assert.EndsWith("/strata-test-session", response.AssumedRoleUser.Arn);
        Assert.Contains(roleArn.Split('/')[1], response.AssumedRoleUser.Arn);
        Assert.DoesNotContain(response.Credentials.SecretAccessKey, response.Credentials.ToString());
    }

    [Fact]
    public async Task GetCallerIdentity_WithAssumedRoleCredentials_IdentifiesTheAssumedRole()
    {
        var context = moto.CreateContext();
        var roleName = $"strata-ops-{Guid.NewGuid():N}";
        var assumed = await new StsClient(context).AssumeRoleAsync(
            new AssumeRoleRequest($"arn:aws:iam::123456789012:role/{roleName}", "ops"));

        var asRole = context.WithCredentials(new Strata.Providers.Aws.Credentials.StaticCredentialsProvider(
            new Strata.Providers.Aws.Credentials.AwsCredentials(assumed.Credentials.AccessKeyId,
                assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken)));
        var identity = await new StsClient(asRole).GetCallerIdentityAsync();

        Assert.Equal($"arn:aws:sts::123456789012:assumed-role/{roleName}/ops", identity.Arn);
    }
}
