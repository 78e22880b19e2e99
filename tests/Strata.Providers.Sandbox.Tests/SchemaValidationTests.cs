using System.Text.Json.Nodes;
using Strata.Engine.Providers;

namespace Strata.Providers.Sandbox.Tests;

public sealed class SchemaValidationTests : IDisposable
{
    private readonly TestCloud _test = new(new() { Seed = 1, Speed = 1_000_000 });

    public void Dispose() => _test.Dispose();

    private Task<ProgressEvent> Create(string type, JsonObject properties) =>
        _test.Provider.CreateAsync(TestCloud.Request(type, "Thing", properties), CancellationToken.None);

    [Fact]
    public async Task CreateAsync_UnknownProperty_InvalidRequestNamingIt()
    {
        var result = await Create("AWS::S3::Bucket", new() { ["BucketNam"] = "x" });

        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("'BucketNam' is not a property of AWS::S3::Bucket", result.Message);
    }

    [Fact]
    public async Task CreateAsync_WrongCase_SuggestsProperty()
    {
        var result = await Create("AWS::S3::Bucket", new() { ["bucketName"] = "x" });

        Assert.Contains("did you mean 'BucketName'?", result.Message);
    }

    [Fact]
    public async Task CreateAsync_MissingRequired_InvalidRequestNamingIt()
    {
        var result = await Create("AWS::EC2::SecurityGroup", []);

        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("required property 'GroupDescription' of AWS::EC2::SecurityGroup is missing", result.Message);
    }

    [Fact]
    public async Task CreateAsync_WrongPrimitiveType_InvalidRequestNamingIt()
    {
        var result = await Create("AWS::SQS::Queue", new() { ["DelaySeconds"] = "soon" });

        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("'DelaySeconds' must be a whole number (got \"soon\")", result.Message);
    }

    [Fact]
    public async Task CreateAsync_ValueOutsideAllowedValues_InvalidRequestListingThem()
    {
        var result = await Create("AWS::S3::Bucket", new() { ["AccessControl"] = "Everyone" });

        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("'AccessControl' value 'Everyone' is not allowed", result.Message);
        Assert.Contains("PublicRead", result.Message);
    }

    [Fact]
    public async Task CreateAsync_NestedError_NamesThePath()
    {
        var result = await Create("AWS::EC2::Instance", new()
        {
            ["ImageId"] = "ami-1",
            ["NetworkInterfaces"] = new JsonArray(new JsonObject { ["DeviceIndex"] = "0", ["SubnetIdd"] = "subnet-1" }),
        });

        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("'NetworkInterfaces[0].SubnetIdd' is not a property of NetworkInterfaces[0] of AWS::EC2::Instance", result.Message);
    }

    [Fact]
    public async Task CreateAsync_ListGivenAsScalar_InvalidRequest()
    {
        var result = await Create("AWS::EC2::Instance", new() { ["ImageId"] = "ami-1", ["SecurityGroupIds"] = "sg-1" });

        Assert.Contains("'SecurityGroupIds' must be a list", result.Message);
    }

    [Fact]
    public async Task CreateAsync_ScalarsAsStrings_AcceptedLikeCloudFormation()
    {
        var result = await Create("AWS::SQS::Queue", new() { ["DelaySeconds"] = "5", ["FifoQueue"] = "false", ["MaximumMessageSize"] = 2048 });

        Assert.Equal(OperationStatus.Success, result.Status);
    }

    [Fact]
    public async Task CreateAsync_TypeNotInSpecification_InvalidRequest()
    {
        var result = await Create("AWS::Nope::Widget", []);

        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("AWS::Nope::Widget is not a type in the resource specification", result.Message);
    }

    [Theory]
    [InlineData("Custom::Seeder")]
    [InlineData("AWS::CloudFormation::CustomResource")]
    public async Task CreateAsync_CustomResourceWithoutServiceToken_InvalidRequestNamingIt(string type)
    {
        var result = await Create(type, new() { ["Anything"] = "goes" });

        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("ServiceToken is required", result.Message);
        Assert.True(_test.Provider.Supports(type));
    }

    [Fact]
    public void Supports_SpecificationTypes_True()
    {
        Assert.True(_test.Provider.Supports("AWS::EC2::Instance"));
        Assert.True(_test.Provider.Supports("AWS::Bedrock::Agent"));
        Assert.False(_test.Provider.Supports("AWS::Nope::Widget"));
    }

    [Fact]
    public async Task UpdateAsync_InvalidDesiredState_InvalidRequest()
    {
        var created = await _test.CreateOkAsync("AWS::SQS::Queue", "Queue");

        var result = await _test.Provider.UpdateAsync(
            TestCloud.Request("AWS::SQS::Queue", "Queue", new() { ["VisibilityTimeout"] = new JsonObject() }, physicalId: created.PhysicalId),
            CancellationToken.None);

        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("'VisibilityTimeout' must be a whole number", result.Message);
    }
}
