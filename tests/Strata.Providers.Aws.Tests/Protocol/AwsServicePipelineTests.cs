using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.Sts;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Protocol;

/// <summary>What the pipeline puts on the wire, seen by a loopback server.</summary>
public sealed class AwsServicePipelineTests
{
    private const string CallerIdentity = """
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/Alice</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult>
          <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
        </GetCallerIdentityResponse>
        """;

    [Fact]
    public async Task Send_EndpointWithPathPrefix_PostsBelowThePrefixAndSignsHostWithPort()
    {
        await using var aws = new RecordedAwsEndpoint().Respond(CallerIdentity);
        var baseContext = aws.Context("eu-central-1");
        var endpoint = baseContext.ResolveEndpoint(AwsServices.Sts).Url;
        var context = baseContext.WithEndpoint(new Uri(endpoint, "/gateway/aws/"));

        var identity = await new StsClient(context).GetCallerIdentityAsync();

        var request = Assert.Single(aws.Requests);
        Assert.Equal("arn:aws:iam::123456789012:user/Alice", identity.Arn);
        Assert.Equal("/gateway/aws/", request.Target);
        Assert.Equal($"127.0.0.1:{endpoint.Port}", request.Header("Host"));
        var authorization = request.Header("Authorization")!;
        Assert.Contains("/eu-central-1/sts/aws4_request", authorization);
        Assert.Contains("SignedHeaders=content-type;host;x-amz-date,", authorization);
        Assert.Matches("^[0-9]{8}T[0-9]{6}Z$", request.Header("X-Amz-Date")!);
        Assert.Equal("Action=GetCallerIdentity&Version=2011-06-15", request.BodyText);
        Assert.StartsWith("strata-aws-client/", request.Header("User-Agent"));
    }

    [Fact]
    public async Task Send_SessionCredentials_SendsAndSignsTheSecurityToken()
    {
        await using var aws = new RecordedAwsEndpoint().Respond(CallerIdentity);
        var context = aws.Context().WithCredentials(new Strata.Providers.Aws.Credentials.StaticCredentialsProvider(
            new Strata.Providers.Aws.Credentials.AwsCredentials("ASIATEMP", "temp-secret", "the-session-token")));

        await new StsClient(context).GetCallerIdentityAsync();

        var request = Assert.Single(aws.Requests);
        Assert.Equal("the-session-token", request.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", request.Header("Authorization"));
    }

    [Fact]
    public async Task Send_ResponseIsNotXml_ThrowsProtocolErrorNamingTheOperation()
    {
        await using var aws = new RecordedAwsEndpoint().Respond("this is not xml", contentType: "text/plain");

        var error = await Assert.ThrowsAsync<AwsProtocolException>(() => new StsClient(aws.Context()).GetCallerIdentityAsync());

        Assert.StartsWith("STS GetCallerIdentity returned a response that is not XML", error.Message);
    }

    [Fact]
    public async Task Send_S3RequestWithContentHeader_SendsItOnTheBodyAndSignsItWithThePayloadHash()
    {
        await using var aws = new RecordedAwsEndpoint().Respond("", contentType: "application/xml");
        var pipeline = new AwsServicePipeline(aws.Context(), AwsServices.S3);
        var request = new AwsHttpRequest { Method = HttpMethod.Put, Path = "/bucket/dir/my%20key", Body = [1, 2, 3], ContentType = "application/octet-stream" };
        request.Headers.Add(new("Content-MD5", "UpKdBIgn3SdT2mtNoqOyiA=="));

        await pipeline.SendAsync("PutObject", request, CancellationToken.None);

        var captured = Assert.Single(aws.Requests);
        Assert.Equal("/bucket/dir/my%20key", captured.Target);
        Assert.Equal("UpKdBIgn3SdT2mtNoqOyiA==", captured.Header("Content-MD5"));
        Assert.Equal("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", captured.Header("x-amz-content-sha256"));
        Assert.Contains("SignedHeaders=content-md5;content-type;host;x-amz-content-sha256;x-amz-date,", captured.Header("Authorization"));
    }
}
