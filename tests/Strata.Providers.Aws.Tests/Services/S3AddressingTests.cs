using Strata.Providers.Aws.Credentials;
using Strata.Providers.Aws.Services.S3;

namespace Strata.Providers.Aws.Tests.Services;

public sealed class S3AddressingTests
{
    private static S3Client Client(string region = "eu-west-1", S3ClientOptions? options = null) =>
        new(new AwsClientContext(region, new StaticCredentialsProvider(new AwsCredentials("AKID", "s"))), options);

    [Fact]
    public void GetObjectUrl_PublicEndpointAndDnsCompatibleBucket_UsesVirtualHostedStyle()
    {
        Assert.Equal("https://strata-templates.s3.eu-west-1.amazonaws.com/stacks/web%20server.yaml",
            Client().GetObjectUrl("strata-templates", "stacks/web server.yaml").AbsoluteUri);
    }

    [Fact]
    public void GetObjectUrl_BucketWithDots_UsesPathStyleSoTlsStillMatches()
    {
        Assert.Equal("https://s3.eu-west-1.amazonaws.com/strata.templates/a.json",
            Client().GetObjectUrl("strata.templates", "a.json").AbsoluteUri);
    }

    [Fact]
    public void GetObjectUrl_ForcePathStyle_UsesPathStyle()
    {
        Assert.Equal("https://s3.us-east-1.amazonaws.com/strata-templates/a.json",
            Client("us-east-1", new S3ClientOptions { ForcePathStyle = true }).GetObjectUrl("strata-templates", "a.json").AbsoluteUri);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper-Case")]
    [InlineData("under_score")]
    public async Task HeadBucket_InvalidBucketName_IsRejectedBeforeAnyRequest(string bucket)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client().HeadBucketAsync(bucket));

        Assert.Contains($"'{bucket}' is not a valid S3 bucket name", error.Message);
    }
}
