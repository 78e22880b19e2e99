using System.Security.Cryptography;
using System.Text;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.CloudFormation;
using Strata.Providers.Aws.Services.S3;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Services;

[Collection(MotoCollection.Name)]
public sealed class S3ClientTests(MotoServerFixture moto)
{
    private readonly S3Client _s3 = new(moto.CreateContext());

    private static string UniqueBucket() => "strata-s3-" + Guid.NewGuid().ToString("N")[..16];

    [Fact]
    public async Task CreateBucket_DefaultRegion_BucketExistsForTheAwsCli()
    {
        var bucket = UniqueBucket();

        await _s3.CreateBucketAsync(new CreateBucketRequest(bucket));

        var (exitCode, _, stderr) = await moto.Cli.RunAsync("s3api", "head-bucket", "--bucket", bucket);
        Assert.True(exitCode == 0, stderr);
        var head = await _s3.HeadBucketAsync(bucket);
        Assert.Equal("us-east-1", head.BucketRegion);
    }

    [Fact]
    public async Task CreateBucket_OtherRegion_SendsLocationConstraint()
    {
        var bucket = UniqueBucket();

        await _s3.CreateBucketAsync(new CreateBucketRequest(bucket) { Region = "eu-west-1" });

        var location = await moto.Cli.JsonAsync("s3api", "get-bucket-location", "--bucket", bucket);
        Assert.Equal("eu-west-1", location.RootElement.GetProperty("LocationConstraint").GetString());
    }

    [Fact]
    public async Task PutObject_KeyWithSpacesUnicodeAndPlus_StoresExactBytesTypeAndMetadata()
    {
        var bucket = UniqueBucket();
        await _s3.CreateBucketAsync(new CreateBucketRequest(bucket));
        const string key = "templates/my stack/ünïcode+plus (1).json";
        var content = Encoding.UTF8.GetBytes("{\"Resources\":{}}\n");

        var put = await _s3.PutObjectAsync(new PutObjectRequest(bucket, key, content)
        {
            ContentType = "application/json",
            Metadata = new Dictionary<string, string> { ["strata-stack"] = "web" },
        });

        using var temp = new TempDirectory();
        var downloaded = Path.Combine(temp.Path, "object");
        var head = await moto.Cli.JsonAsync("s3api", "get-object", "--bucket", bucket, "--key", key, downloaded);
        Assert.Equal(content, await File.ReadAllBytesAsync(downloaded));
        Assert.Equal("application/json", head.RootElement.GetProperty("ContentType").GetString());
        Assert.Equal("web", head.RootElement.GetProperty("Metadata").GetProperty("strata-stack").GetString());
        Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(content))}\"", put.ETag);
    }

    [Fact]
    public async Task HeadBucket_MissingBucket_ThrowsTypedNotFound()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _s3.HeadBucketAsync(UniqueBucket()));

        Assert.Equal("NotFound", error.Code);
        Assert.Equal(404, error.HttpStatus);
        Assert.Equal("S3", error.Service);
        Assert.Equal("HeadBucket", error.Operation);
    }

    [Fact]
    public async Task PutObject_MissingBucket_ThrowsNoSuchBucketFromXmlError()
    {
        var bucket = UniqueBucket();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            _s3.PutObjectAsync(new PutObjectRequest(bucket, "a.txt", [1, 2, 3])));

        Assert.Equal("NoSuchBucket", error.Code);
        Assert.Equal(404, error.HttpStatus);
    }

    [Fact]
    public async Task GetObjectUrl_UploadedTemplate_IsUsableAsCloudFormationTemplateUrl()
    {
        // moto reads a path-style TemplateURL only when its host is "localhost", so S3 goes there through
        // the service-specific endpoint variable (moto still listens on 127.0.0.1 only).
        var localhost = $"http://localhost:{moto.Port}/";
        var s3 = new S3Client(moto.CreateContext(env => env["AWS_ENDPOINT_URL_S3"] = localhost));
        var bucket = UniqueBucket();
        await s3.CreateBucketAsync(new CreateBucketRequest(bucket));
        await s3.PutObjectAsync(new PutObjectRequest(bucket, "stacks/big.json", Encoding.UTF8.GetBytes(CloudFormationTestStacks.Template)));
        var cfn = new CloudFormationClient(moto.CreateContext());
        var stackName = "strata-s3tpl-" + CloudFormationTestStacks.UniqueSuffix();

        await cfn.CreateChangeSetAsync(new CreateChangeSetRequest(stackName, "from-s3")
        {
            ChangeSetType = ChangeSetTypes.Create,
            TemplateUrl = s3.GetObjectUrl(bucket, "stacks/big.json").ToString(),
            Parameters = [new StackParameter("Suffix", CloudFormationTestStacks.UniqueSuffix())],
        });
        var changeSet = await cfn.DescribeChangeSetAllChangesAsync("from-s3", stackName);

        Assert.Equal(new Uri($"{localhost}{bucket}/stacks/big.json"), s3.GetObjectUrl(bucket, "stacks/big.json"));
        Assert.Equal(["Bucket", "Queue"], changeSet.Changes.Select(c => c.LogicalResourceId).Order());
    }
}
