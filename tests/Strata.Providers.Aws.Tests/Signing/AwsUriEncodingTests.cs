using Strata.Providers.Aws.Signing;

namespace Strata.Providers.Aws.Tests.Signing;

public sealed class AwsUriEncodingTests
{
    [Theory]
    [InlineData("AZaz09-_.~", "AZaz09-_.~")]
    [InlineData("a b", "a%20b")]
    [InlineData("a+b=c&d", "a%2Bb%3Dc%26d")]
    [InlineData("ሴ", "%E1%88%B4")]
    [InlineData("a/b", "a%2Fb")]
    public void Encode_Value_EncodesAllButUnreservedCharacters(string value, string expected)
    {
        Assert.Equal(expected, AwsUriEncoding.Encode(value));
    }

    [Fact]
    public void Encode_KeepSlashes_LeavesPathSeparators()
    {
        Assert.Equal("/dir/my%20file", AwsUriEncoding.Encode("/dir/my file", keepSlashes: true));
    }

    [Theory]
    [InlineData("%E1%88%B4=bar", "ሴ=bar")]
    [InlineData("a%20b+c", "a b+c")]
    [InlineData("100%", "100%")]
    [InlineData("%zz", "%zz")]
    public void Decode_Value_DecodesPercentSequencesOnly(string value, string expected)
    {
        Assert.Equal(expected, AwsUriEncoding.Decode(value));
    }

    [Theory]
    [InlineData("/a/b/../c/./d", "/a/c/d")]
    [InlineData("//a//b//", "/a/b/")]
    [InlineData("/..", "/")]
    [InlineData("", "/")]
    public void RemoveDotSegments_Path_NormalizesAsAwsDoes(string path, string expected)
    {
        Assert.Equal(expected, CanonicalRequest.RemoveDotSegments(path));
    }

    [Fact]
    public void Presign_ExpiryBeyondSevenDays_IsRejected()
    {
        var request = new SigningRequest("GET", "/", "", [new("Host", "example.amazonaws.com")], PayloadHashes.Empty);
        var parameters = new SigningParameters(new Strata.Providers.Aws.Credentials.AwsCredentials("AKID", "s"), "us-east-1", "s3", DateTimeOffset.UnixEpoch);

        Assert.Throws<ArgumentOutOfRangeException>(() => SigV4Signer.Presign(request, parameters, TimeSpan.FromDays(8)));
    }
}
