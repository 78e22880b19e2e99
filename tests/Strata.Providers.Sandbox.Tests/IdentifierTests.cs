using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Strata.Providers.Sandbox.Tests;

public sealed class IdentifierTests : IDisposable
{
    private const string Account = "123456789012";
    private readonly TestCloud _test = new(new() { Seed = 3, Speed = 1_000_000 });

    public void Dispose() => _test.Dispose();

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";

    private async Task<(string Vpc, string Subnet)> NetworkAsync()
    {
        var vpc = (await _test.CreateOkAsync("AWS::EC2::VPC", "Vpc", new() { ["CidrBlock"] = "10.0.0.0/16" })).PhysicalId!;
        var subnet = (await _test.CreateOkAsync("AWS::EC2::Subnet", "Subnet",
            new() { ["VpcId"] = vpc, ["CidrBlock"] = "10.0.1.0/24", ["MapPublicIpOnLaunch"] = true })).PhysicalId!;
        return (vpc, subnet);
    }

    [Theory]
    [InlineData("AWS::EC2::VPC", "vpc", """{"CidrBlock":"10.1.0.0/16"}""")]
    [InlineData("AWS::EC2::InternetGateway", "igw", "{}")]
    [InlineData("AWS::EC2::Volume", "vol", """{"AvailabilityZone":"us-east-1a","Size":8}""")]
    [InlineData("AWS::EC2::SecurityGroup", "sg", """{"GroupDescription":"web"}""")]
    [InlineData("AWS::EC2::LaunchTemplate", "lt", """{"LaunchTemplateData":{}}""")]
    [InlineData("AWS::EC2::SubnetRouteTableAssociation", "rtbassoc", """{"RouteTableId":"rtb-1","SubnetId":"subnet-1"}""")]
    public async Task CreateAsync_Ec2Types_IdsInEc2Format(string type, string prefix, string properties)
    {
        var result = await _test.CreateOkAsync(type, "Thing", (JsonObject)JsonNode.Parse(properties)!);

        Assert.Matches($"^{prefix}-0[0-9a-f]{{16}}$", result.PhysicalId);
    }

    [Fact]
    public async Task CreateAsync_NetworkTypes_IdsInEc2Format()
    {
        var (vpc, subnet) = await NetworkAsync();
        var routeTable = await _test.CreateOkAsync("AWS::EC2::RouteTable", "Routes", new() { ["VpcId"] = vpc });
        var eni = await _test.CreateOkAsync("AWS::EC2::NetworkInterface", "Eni", new() { ["SubnetId"] = subnet });
        var nat = await _test.CreateOkAsync("AWS::EC2::NatGateway", "Nat", new() { ["SubnetId"] = subnet });
        var eip = await _test.CreateOkAsync("AWS::EC2::EIP", "Ip");
        var instance = await _test.CreateOkAsync("AWS::EC2::Instance", "Web", new() { ["SubnetId"] = subnet, ["ImageId"] = "ami-0abc" });

        Assert.Matches("^vpc-0[0-9a-f]{16}$", vpc);
        Assert.Matches("^subnet-0[0-9a-f]{16}$", subnet);
        Assert.Matches("^rtb-0[0-9a-f]{16}$", routeTable.PhysicalId);
        Assert.Matches("^eni-0[0-9a-f]{16}$", eni.PhysicalId);
        Assert.Matches("^nat-0[0-9a-f]{16}$", nat.PhysicalId);
        Assert.Matches("^eipalloc-0[0-9a-f]{16}$", Text(eip.ResourceModel!["AllocationId"]));
        Assert.Matches("^i-0[0-9a-f]{16}$", instance.PhysicalId);
        Assert.Equal(instance.PhysicalId, Text(instance.ResourceModel!["InstanceId"]));
    }

    [Fact]
    public async Task CreateAsync_NamelessResource_GetsCloudFormationStyleName()
    {
        var result = await _test.CreateOkAsync("AWS::IAM::Role", "AppRole", new() { ["AssumeRolePolicyDocument"] = new JsonObject() });

        Assert.Matches("^teststack-AppRole-[A-Z0-9]{13}$", result.PhysicalId);
    }

    [Fact]
    public async Task CreateAsync_LongStackAndLogicalId_NameFitsTypeLimit()
    {
        var result = await _test.CreateAsync("AWS::S3::Bucket", "AVeryLongLogicalIdForABucketThatKeepsGoingAndGoing",
            stack: "a-very-long-stack-name-for-testing-name-truncation");

        Assert.InRange(result.PhysicalId!.Length, 3, 63);
        Assert.Matches("^a-very-long-stack-name-.*-[a-z0-9]{13}$", result.PhysicalId);
    }

    [Fact]
    public async Task CreateAsync_S3Bucket_RefIsNameAndAttributesInS3Formats()
    {
        var result = await _test.CreateOkAsync("AWS::S3::Bucket", "Site", new() { ["BucketName"] = "my-site-bucket" });
        var model = result.ResourceModel!;

        Assert.Equal("my-site-bucket", result.PhysicalId);
        Assert.Equal("arn:aws:s3:::my-site-bucket", Text(model["Arn"]));
        Assert.Equal("my-site-bucket.s3.amazonaws.com", Text(model["DomainName"]));
        Assert.Equal("my-site-bucket.s3.us-east-1.amazonaws.com", Text(model["RegionalDomainName"]));
        Assert.Equal("http://my-site-bucket.s3-website-us-east-1.amazonaws.com", Text(model["WebsiteURL"]));
    }

    [Fact]
    public async Task CreateAsync_SqsQueue_RefIsQueueUrl()
    {
        var result = await _test.CreateOkAsync("AWS::SQS::Queue", "Jobs", new() { ["QueueName"] = "jobs" });

        Assert.Equal($"https://sqs.us-east-1.amazonaws.com/{Account}/jobs", result.PhysicalId);
        Assert.Equal($"arn:aws:sqs:us-east-1:{Account}:jobs", Text(result.ResourceModel!["Arn"]));
        Assert.Equal("jobs", Text(result.ResourceModel["QueueName"]));
    }

    [Fact]
    public async Task CreateAsync_FifoQueueWithoutName_GeneratedNameEndsWithFifo()
    {
        var result = await _test.CreateOkAsync("AWS::SQS::Queue", "Orders", new() { ["FifoQueue"] = true });

        Assert.Matches("^https://sqs\\.us-east-1\\.amazonaws\\.com/123456789012/teststack-Orders-[A-Z0-9]{13}\\.fifo$", result.PhysicalId);
    }

    [Fact]
    public async Task CreateAsync_SnsTopic_RefIsTopicArn()
    {
        var result = await _test.CreateOkAsync("AWS::SNS::Topic", "Alerts", new() { ["TopicName"] = "alerts" });

        Assert.Equal($"arn:aws:sns:us-east-1:{Account}:alerts", result.PhysicalId);
        Assert.Equal(result.PhysicalId, Text(result.ResourceModel!["TopicArn"]));
    }

    [Fact]
    public async Task CreateAsync_IamRole_RefIsNameArnHasPathAndRoleId()
    {
        var result = await _test.CreateOkAsync("AWS::IAM::Role", "Role",
            new() { ["RoleName"] = "app", ["Path"] = "/service/", ["AssumeRolePolicyDocument"] = new JsonObject() });

        Assert.Equal("app", result.PhysicalId);
        Assert.Equal($"arn:aws:iam::{Account}:role/service/app", Text(result.ResourceModel!["Arn"]));
        Assert.Matches("^AROA[A-Z0-9]{17}$", Text(result.ResourceModel["RoleId"]));
    }

    [Fact]
    public async Task CreateAsync_LambdaFunction_RefIsNameWithFunctionArn()
    {
        var result = await _test.CreateOkAsync("AWS::Lambda::Function", "Fn",
            new() { ["FunctionName"] = "resize", ["Code"] = new JsonObject(), ["Role"] = $"arn:aws:iam::{Account}:role/x" });

        Assert.Equal("resize", result.PhysicalId);
        Assert.Equal($"arn:aws:lambda:us-east-1:{Account}:function:resize", Text(result.ResourceModel!["Arn"]));
    }

    [Fact]
    public async Task CreateAsync_DynamoTable_ArnAndStreamArn()
    {
        var result = await _test.CreateOkAsync("AWS::DynamoDB::Table", "Table", new()
        {
            ["TableName"] = "orders",
            ["KeySchema"] = new JsonArray(new JsonObject { ["AttributeName"] = "id", ["KeyType"] = "HASH" }),
        });

        Assert.Equal("orders", result.PhysicalId);
        Assert.Equal($"arn:aws:dynamodb:us-east-1:{Account}:table/orders", Text(result.ResourceModel!["Arn"]));
        Assert.Matches($"^arn:aws:dynamodb:us-east-1:{Account}:table/orders/stream/\\d{{4}}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{{3}}$",
            Text(result.ResourceModel["StreamArn"]));
    }

    [Fact]
    public async Task CreateAsync_ApplicationLoadBalancer_RefIsArnWithDnsAndZone()
    {
        var result = await _test.CreateOkAsync("AWS::ElasticLoadBalancingV2::LoadBalancer", "Alb", new() { ["Name"] = "web" });
        var model = result.ResourceModel!;

        Assert.Matches($"^arn:aws:elasticloadbalancing:us-east-1:{Account}:loadbalancer/app/web/[0-9a-f]{{16}}$", result.PhysicalId);
        Assert.Matches("^app/web/[0-9a-f]{16}$", Text(model["LoadBalancerFullName"]));
        Assert.Matches("^web-\\d{10}\\.us-east-1\\.elb\\.amazonaws\\.com$", Text(model["DNSName"]));
        Assert.Equal("Z35SXDOTRQ7X7K", Text(model["CanonicalHostedZoneID"]));
    }

    [Fact]
    public async Task CreateAsync_ElasticIp_RefIsPublicAddress()
    {
        var result = await _test.CreateOkAsync("AWS::EC2::EIP", "Ip");

        Assert.Matches(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$", result.PhysicalId);
        Assert.Equal(result.PhysicalId, Text(result.ResourceModel!["PublicIp"]));
    }

    [Fact]
    public async Task CreateAsync_SecurityGroup_GroupIdAndVpcId()
    {
        var (vpc, _) = await NetworkAsync();

        var result = await _test.CreateOkAsync("AWS::EC2::SecurityGroup", "Web", new() { ["GroupDescription"] = "web", ["VpcId"] = vpc });

        Assert.Equal(result.PhysicalId, Text(result.ResourceModel!["GroupId"]));
        Assert.Equal(vpc, Text(result.ResourceModel["VpcId"]));
    }

    [Fact]
    public async Task CreateAsync_Instance_DnsNamesFollowAddresses()
    {
        var (_, subnet) = await NetworkAsync();

        var result = await _test.CreateOkAsync("AWS::EC2::Instance", "Web", new() { ["SubnetId"] = subnet, ["ImageId"] = "ami-0abc" });
        var model = result.ResourceModel!;
        var privateIp = Text(model["PrivateIp"]);
        var publicIp = Text(model["PublicIp"]);

        Assert.Equal($"ip-{privateIp.Replace('.', '-')}.ec2.internal", Text(model["PrivateDnsName"]));
        Assert.Equal($"ec2-{publicIp.Replace('.', '-')}.compute-1.amazonaws.com", Text(model["PublicDnsName"]));
        Assert.Matches("^us-east-1[a-f]$", Text(model["AvailabilityZone"]));
    }

    [Fact]
    public async Task CreateAsync_OtherRegion_ArnsAndZonesUseIt()
    {
        var result = await _test.Provider.CreateAsync(
            TestCloud.Request("AWS::SQS::Queue", "Queue", new() { ["QueueName"] = "q" }) with { Region = "eu-west-1" }, CancellationToken.None);
        var subnet = await _test.Provider.CreateAsync(
            TestCloud.Request("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1" }) with { Region = "eu-west-1" }, CancellationToken.None);

        Assert.Equal($"https://sqs.eu-west-1.amazonaws.com/{Account}/q", result.PhysicalId);
        Assert.Matches("^eu-west-1[abc]$", Text(subnet.ResourceModel!["AvailabilityZone"]));
        Assert.EndsWith(".eu-west-1.compute.internal", Text(subnet.ResourceModel["PrivateDnsName"]));
    }

    [Fact]
    public async Task CreateAsync_RequestWithoutRegion_UsesSettingsRegion()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1_000_000, Region = "ap-southeast-2", AccountId = "555566667777" });

        var result = await test.Provider.CreateAsync(TestCloud.Request("AWS::SNS::Topic", "T", new() { ["TopicName"] = "t" }) with { Region = "" }, CancellationToken.None);

        Assert.Equal("arn:aws:sns:ap-southeast-2:555566667777:t", result.PhysicalId);
    }

    [Fact]
    public async Task CreateAsync_SameSeedFreshClouds_SameIdentifiers()
    {
        using var other = new TestCloud(new() { Seed = 3, Speed = 1_000_000 });

        var first = await _test.CreateOkAsync("AWS::EC2::VPC", "Vpc", new() { ["CidrBlock"] = "10.0.0.0/16" });
        var second = await other.CreateOkAsync("AWS::EC2::VPC", "Vpc", new() { ["CidrBlock"] = "10.0.0.0/16" });

        Assert.Equal(first.PhysicalId, second.PhysicalId);
        Assert.Equal(first.ResourceModel!.ToJsonString(), second.ResourceModel!.ToJsonString());
    }

    [Fact]
    public async Task CreateAsync_DifferentSeeds_DifferentIdentifiers()
    {
        using var other = new TestCloud(new() { Seed = 4, Speed = 1_000_000 });

        var first = await _test.CreateOkAsync("AWS::EC2::VPC", "Vpc", new() { ["CidrBlock"] = "10.0.0.0/16" });
        var second = await other.CreateOkAsync("AWS::EC2::VPC", "Vpc", new() { ["CidrBlock"] = "10.0.0.0/16" });

        Assert.NotEqual(first.PhysicalId, second.PhysicalId);
    }

    [Fact]
    public async Task CreateAsync_SameLogicalIdAgain_NewIdentifier()
    {
        // A replacement creates the same logical resource again; it must not collide with the old one.
        var first = await _test.CreateOkAsync("AWS::EC2::VPC", "Vpc", new() { ["CidrBlock"] = "10.0.0.0/16" });
        var second = await _test.CreateOkAsync("AWS::EC2::VPC", "Vpc", new() { ["CidrBlock"] = "10.0.0.0/16" });

        Assert.NotEqual(first.PhysicalId, second.PhysicalId);
    }

    [Fact]
    public async Task CreateAsync_ExplicitNameTaken_AlreadyExists()
    {
        await _test.CreateOkAsync("AWS::S3::Bucket", "A", new() { ["BucketName"] = "shared-name" });

        var result = await _test.CreateAsync("AWS::S3::Bucket", "B", new() { ["BucketName"] = "shared-name" });

        Assert.Equal(Strata.Engine.Providers.HandlerErrorCode.AlreadyExists, result.ErrorCode);
        Assert.Contains("shared-name", result.Message);
    }

    [Fact]
    public async Task CreateAsync_InvalidBucketName_InvalidRequest()
    {
        var result = await _test.CreateAsync("AWS::S3::Bucket", "A", new() { ["BucketName"] = "Not_A_Bucket" });

        Assert.Equal(Strata.Engine.Providers.HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("BucketName 'Not_A_Bucket'", result.Message);
    }
}
