using System.Text;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Tests.Protocol;

/// <summary>Each protocol's documented error shape, and the bodies proxies and HEAD requests produce instead.</summary>
public sealed class AwsErrorParserTests
{
    private static AwsHttpResponse Response(int status, string body, params (string, string)[] headers) =>
        new(status, headers.ToDictionary(h => h.Item1, h => h.Item2, StringComparer.OrdinalIgnoreCase), Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Parse_QueryErrorResponse_ReadsCodeMessageAndRequestId()
    {
        var response = Response(400, """
            <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id x does not exist</Message></Error>
              <RequestId>b0b5d0a4-0000-4000-8000-000000000001</RequestId>
            </ErrorResponse>
            """);

        var error = AwsErrorParser.Parse(AwsServices.CloudFormation, "DescribeStacks", response);

        Assert.Equal(("ValidationError", "Stack with id x does not exist", "b0b5d0a4-0000-4000-8000-000000000001", 400),
            (error.Code, error.ErrorMessage, error.RequestId, error.HttpStatus));
        Assert.Equal("CloudFormation DescribeStacks failed: ValidationError: Stack with id x does not exist (HTTP 400, request id b0b5d0a4-0000-4000-8000-000000000001)",
            error.Message);
    }

    [Fact]
    public void Parse_Ec2ErrorsResponse_ReadsCodeAndUpperCaseRequestId()
    {
        var response = Response(400, """
            <Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The instance ID 'i-1' does not exist</Message></Error></Errors>
            <RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>
            """);

        var error = AwsErrorParser.Parse(AwsServices.Ec2, "StopInstances", response);

        Assert.Equal(("InvalidInstanceID.NotFound", "ea966190-f9aa-478e-9ede-example"), (error.Code, error.RequestId));
    }

    [Fact]
    public void Parse_S3Error_ReadsRootErrorElement()
    {
        var response = Response(403, """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>
            """);

        var error = AwsErrorParser.Parse(AwsServices.S3, "PutObject", response);

        Assert.Equal(("AccessDenied", "Access Denied", "4442587FB7D0A2F9"), (error.Code, error.ErrorMessage, error.RequestId));
    }

    [Theory]
    [InlineData("""{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}""", "ResourceNotFoundException")]
    [InlineData("""{"__type":"ThrottlingException","Message":"Rate exceeded"}""", "ThrottlingException")]
    [InlineData("""{"code":"ValidationException:http://internal.amazon.com/coral/","message":"bad"}""", "ValidationException")]
    public void Parse_JsonError_SanitizesTheType(string body, string expectedCode)
    {
        var error = AwsErrorParser.Parse(AwsServices.CloudControl, "GetResource", Response(400, body, ("x-amzn-RequestId", "rid-1")));

        Assert.Equal(expectedCode, error.Code);
        Assert.Equal("rid-1", error.RequestId);
        Assert.False(string.IsNullOrEmpty(error.ErrorMessage));
    }

    [Fact]
    public void Parse_JsonErrorTypeHeaderOnly_UsesTheHeader()
    {
        var error = AwsErrorParser.Parse(AwsServices.CostExplorer, "GetCostAndUsage",
            Response(400, "", ("x-amzn-ErrorType", "DataUnavailableException:http://internal.amazon.com/")));

        Assert.Equal("DataUnavailableException", error.Code);
    }

    [Theory]
    [InlineData(404, "", "NotFound")]
    [InlineData(503, "<html><body>Service Unavailable</body></html>", "ServiceUnavailable")]
    [InlineData(502, "upstream connect error", "BadGateway")]
    [InlineData(418, "", "Http418")]
    public void Parse_NoAwsErrorDocument_DerivesCodeFromStatus(int status, string body, string expectedCode)
    {
        var error = AwsErrorParser.Parse(AwsServices.S3, "HeadBucket", Response(status, body));

        Assert.Equal(expectedCode, error.Code);
        Assert.Equal(status, error.HttpStatus);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
    }

    [Fact]
    public void Parse_CredentialsRejected_AppendsWhichCredentialsWereUsed()
    {
        var response = Response(403, """
            <ErrorResponse><Error><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error></ErrorResponse>
            """);

        var error = AwsErrorParser.Parse(AwsServices.Sts, "GetCallerIdentity", response, "access key id AKIDBAD from profile 'dev' (/x/credentials)");

        Assert.True(error.IsCredentialsRejection);
        Assert.EndsWith("Credentials used: access key id AKIDBAD from profile 'dev' (/x/credentials).", error.Message);
    }

    [Fact]
    public void Parse_OrdinaryError_DoesNotMentionCredentials()
    {
        var response = Response(400, "<ErrorResponse><Error><Code>ValidationError</Code><Message>m</Message></Error></ErrorResponse>");

        var error = AwsErrorParser.Parse(AwsServices.CloudFormation, "DescribeStacks", response, "access key id AKID from env");

        Assert.DoesNotContain("AKID", error.Message);
    }
}
