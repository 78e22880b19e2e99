using System.Text;
using Strata.Providers.Aws.Configuration;
using Strata.Providers.Aws.Credentials;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.CloudFormation;
using Strata.Providers.Aws.Services.Ec2;
using Strata.Providers.Aws.Services.S3;
using Strata.Providers.Aws.Services.Sts;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Faults;

/// <summary>
/// Against a moto that verifies signatures: Strata's signing is accepted for every protocol, and wrong
/// credentials produce messages that name the profile or access key id and never the secret.
/// </summary>
[Collection(AuthenticatingMotoCollection.Name)]
public sealed class CredentialFaultTests(AuthenticatingMotoServerFixture moto) : IDisposable
{
    private const string WrongSecret = "Wr0ngSecretKeyThatMustNeverBePrinted/abcdefgh";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private AwsClientContext Context(Dictionary<string, string> variables) =>
        AwsClientContext.FromEnvironment(new MapEnvironment(variables), new AwsContextOptions { Retry = RetryOptions.Default with { MaxAttempts = 1 } });

    [Fact]
    public async Task ValidKey_EveryProtocol_PassesMotosSignatureCheck()
    {
        var context = Context(moto.UserKeyEnvironment());
        var bucket = "strata-auth-" + Guid.NewGuid().ToString("N")[..12];

        var identity = await new StsClient(context).GetCallerIdentityAsync();
        await new CloudFormationClient(context).DescribeStacksAsync();
        await new Ec2Client(context).DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [Ec2Filter.Create("is-default", "true")] });
        var s3 = new S3Client(context);
        await s3.CreateBucketAsync(new CreateBucketRequest(bucket));
        // moto's own S3 signature check rejects keys with '+', '(' or non-ASCII even from the AWS CLI, so this
        // key stays within what it verifies; such keys are stored and read back in S3ClientTests.
        await s3.PutObjectAsync(new PutObjectRequest(bucket, "dir/a key~.json", Encoding.UTF8.GetBytes("{}")));
        await s3.HeadBucketAsync(bucket);
        using var tables = await new JsonProtocolClient(context,
            new ServiceDescriptor("DynamoDB", "dynamodb", "dynamodb", AwsProtocol.Json10) { JsonTargetPrefix = "DynamoDB_20120810" })
            .InvokeAsync("ListTables", null, CancellationToken.None);

        Assert.Equal(moto.UserArn, identity.Arn);
    }

    [Fact]
    public async Task WrongSecret_FromEnvironment_ErrorNamesKeyIdAndSourceButNotTheSecret()
    {
        var variables = moto.UserKeyEnvironment();
        variables["AWS_SECRET_ACCESS_KEY"] = WrongSecret;

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new StsClient(Context(variables)).GetCallerIdentityAsync());

        Assert.Equal("SignatureDoesNotMatch", error.Code);
        Assert.True(error.IsCredentialsRejection);
        Assert.Contains($"access key id {moto.UserAccessKeyId} from environment variables", error.Message);
        Assert.DoesNotContain(WrongSecret, error.ToString());
    }

    [Fact]
    public async Task UnknownKey_FromProfile_ErrorNamesTheProfileAndKeyIdButNotTheSecret()
    {
        var credentials = _temp.Write("credentials", $"[ops]\naws_access_key_id = AKIAUNKNOWNKEY000001\naws_secret_access_key = {WrongSecret}\n");
        var variables = moto.UserEnvironment();
        variables.Remove("AWS_ACCESS_KEY_ID");
        variables.Remove("AWS_SECRET_ACCESS_KEY");
        variables["AWS_SHARED_CREDENTIALS_FILE"] = credentials;
        variables["AWS_PROFILE"] = "ops";

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new CloudFormationClient(Context(variables)).DescribeStacksAsync());

        Assert.Equal("InvalidClientTokenId", error.Code);
        Assert.Contains("access key id AKIAUNKNOWNKEY000001 from profile 'ops'", error.Message);
        Assert.Contains(credentials, error.Message);
        Assert.DoesNotContain(WrongSecret, error.ToString());
    }

    [Fact]
    public async Task WrongSecret_Ec2_AuthFailureNamesTheKeyId()
    {
        var variables = moto.UserKeyEnvironment();
        variables["AWS_SECRET_ACCESS_KEY"] = WrongSecret;

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            new Ec2Client(Context(variables)).DescribeVpcsAsync(new DescribeVpcsRequest()));

        Assert.Equal("AuthFailure", error.Code);
        Assert.Contains(moto.UserAccessKeyId, error.Message);
        Assert.DoesNotContain(WrongSecret, error.ToString());
    }

    [Fact]
    public async Task WrongSecret_S3_SignatureDoesNotMatchNamesTheKeyId()
    {
        var variables = moto.UserKeyEnvironment();
        variables["AWS_SECRET_ACCESS_KEY"] = WrongSecret;

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            new S3Client(Context(variables)).CreateBucketAsync(new CreateBucketRequest("strata-auth-" + Guid.NewGuid().ToString("N")[..12])));

        Assert.Equal("SignatureDoesNotMatch", error.Code);
        Assert.Contains(moto.UserAccessKeyId, error.Message);
        Assert.DoesNotContain(WrongSecret, error.ToString());
    }

    [Fact]
    public async Task RoleProfile_SourceKeysRejected_CredentialsErrorNamesProfileRoleAndKeyId()
    {
        var credentials = _temp.Write("credentials", $"[base]\naws_access_key_id = AKIAUNKNOWNKEY000002\naws_secret_access_key = {WrongSecret}\n");
        var config = _temp.Write("config", "[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/Deployer\nsource_profile = base\n");
        var variables = moto.UserEnvironment();
        variables.Remove("AWS_ACCESS_KEY_ID");
        variables.Remove("AWS_SECRET_ACCESS_KEY");
        (variables["AWS_SHARED_CREDENTIALS_FILE"], variables["AWS_CONFIG_FILE"], variables["AWS_PROFILE"]) = (credentials, config, "deploy");

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => new StsClient(Context(variables)).GetCallerIdentityAsync());

        Assert.Contains("Could not assume role arn:aws:iam::123456789012:role/Deployer for profile 'deploy'", error.Message);
        Assert.Contains("access key id AKIAUNKNOWNKEY000002 from profile 'base'", error.Message);
        Assert.Contains("InvalidClientTokenId", error.Message);
        Assert.DoesNotContain(WrongSecret, error.ToString());
    }
}
