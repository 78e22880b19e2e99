using System.Text.Json.Nodes;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Power;
using Strata.Providers.Sandbox.Settings;

namespace Strata.Providers.Sandbox.Tests;

public sealed class QuotaTests
{
    private static JsonObject Vpc(int i) => new() { ["CidrBlock"] = $"10.{i}.0.0/16" };

    [Fact]
    public async Task CreateAsync_SixthVpc_ServiceLimitExceededNamingQuotaAndValue()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1_000_000 });
        for (var i = 0; i < 5; i++)
        {
            await test.CreateOkAsync("AWS::EC2::VPC", $"Vpc{i}", Vpc(i));
        }

        var sixth = await test.CreateAsync("AWS::EC2::VPC", "Vpc5", Vpc(5));

        Assert.Equal(HandlerErrorCode.ServiceLimitExceeded, sixth.ErrorCode);
        Assert.Contains("'VPCs per Region' is 5", sixth.Message);
    }

    [Fact]
    public async Task CreateAsync_QuotaCountsPerRegion_OtherRegionHasItsOwn()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1_000_000, Quotas = new Dictionary<string, int> { ["AWS::EC2::VPC"] = 1 } });
        await test.CreateOkAsync("AWS::EC2::VPC", "Vpc", Vpc(0));

        var west = await test.Provider.CreateAsync(TestCloud.Request("AWS::EC2::VPC", "West", Vpc(1)) with { Region = "us-west-2" }, CancellationToken.None);

        Assert.Equal(OperationStatus.Success, west.Status);
    }

    [Fact]
    public async Task CreateAsync_QuotaOverriddenInSettings_UsesOverride()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1_000_000, Quotas = new Dictionary<string, int> { ["AWS::EC2::VPC"] = 2 } });
        await test.CreateOkAsync("AWS::EC2::VPC", "A", Vpc(0));
        await test.CreateOkAsync("AWS::EC2::VPC", "B", Vpc(1));

        var third = await test.CreateAsync("AWS::EC2::VPC", "C", Vpc(2));

        Assert.Equal(HandlerErrorCode.ServiceLimitExceeded, third.ErrorCode);
        Assert.Contains("is 2", third.Message);
    }

    [Fact]
    public async Task CreateAsync_QuotaForUnlistedTypeInSettings_Enforced()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1_000_000, Quotas = new Dictionary<string, int> { ["AWS::SQS::Queue"] = 1 } });
        await test.CreateOkAsync("AWS::SQS::Queue", "A");

        var second = await test.CreateAsync("AWS::SQS::Queue", "B");

        Assert.Equal(HandlerErrorCode.ServiceLimitExceeded, second.ErrorCode);
        Assert.Contains("AWS::SQS::Queue resources per Region", second.Message);
    }

    [Fact]
    public async Task CreateAsync_DeletedResource_FreesQuota()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1_000_000, Quotas = new Dictionary<string, int> { ["AWS::EC2::VPC"] = 1 } });
        var first = await test.CreateOkAsync("AWS::EC2::VPC", "A", Vpc(0));
        await test.DeleteAsync("AWS::EC2::VPC", "A", first.PhysicalId!);

        var second = await test.CreateAsync("AWS::EC2::VPC", "B", Vpc(1));

        Assert.Equal(OperationStatus.Success, second.Status);
    }

    [Fact]
    public async Task CreateAsync_SubnetsPerVpc_CountedPerVpc()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1_000_000, Quotas = new Dictionary<string, int> { ["AWS::EC2::Subnet"] = 1 } });
        var vpcA = (await test.CreateOkAsync("AWS::EC2::VPC", "A", Vpc(0))).PhysicalId!;
        var vpcB = (await test.CreateOkAsync("AWS::EC2::VPC", "B", Vpc(1))).PhysicalId!;
        await test.CreateOkAsync("AWS::EC2::Subnet", "A1", new() { ["VpcId"] = vpcA, ["CidrBlock"] = "10.0.1.0/24" });

        var inOtherVpc = await test.CreateAsync("AWS::EC2::Subnet", "B1", new() { ["VpcId"] = vpcB, ["CidrBlock"] = "10.1.1.0/24" });
        var inSameVpc = await test.CreateAsync("AWS::EC2::Subnet", "A2", new() { ["VpcId"] = vpcA, ["CidrBlock"] = "10.0.2.0/24" });

        Assert.Equal(OperationStatus.Success, inOtherVpc.Status);
        Assert.Equal(HandlerErrorCode.ServiceLimitExceeded, inSameVpc.ErrorCode);
        Assert.Contains("'Subnets per VPC' is 1", inSameVpc.Message);
    }

    [Fact]
    public async Task CreateAsync_ElasticIpsBeyondFive_ServiceLimitExceeded()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1_000_000 });
        for (var i = 0; i < 5; i++)
        {
            await test.CreateOkAsync("AWS::EC2::EIP", $"Ip{i}");
        }

        var sixth = await test.CreateAsync("AWS::EC2::EIP", "Ip5");

        Assert.Equal(HandlerErrorCode.ServiceLimitExceeded, sixth.ErrorCode);
        Assert.Contains("'EC2-VPC Elastic IPs' is 5", sixth.Message);
    }

    [Fact]
    public async Task CreateAsync_InstancesBeyondVcpuQuota_ServiceLimitExceeded()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1_000_000, Quotas = new Dictionary<string, int> { ["AWS::EC2::Instance"] = 7 } });
        await test.CreateOkAsync("AWS::EC2::Instance", "Big", new() { ["ImageId"] = "ami-1", ["InstanceType"] = "m5.xlarge" });
        await test.CreateOkAsync("AWS::EC2::Instance", "Small", new() { ["ImageId"] = "ami-1", ["InstanceType"] = "t3.micro" });

        var over = await test.CreateAsync("AWS::EC2::Instance", "More", new() { ["ImageId"] = "ami-1", ["InstanceType"] = "m5.large" });

        Assert.Equal(HandlerErrorCode.ServiceLimitExceeded, over.ErrorCode);
        Assert.Contains("vCPU limit of 7", over.Message);
        Assert.Contains("Running On-Demand Standard", over.Message);
    }

    [Fact]
    public async Task StartAsync_StoppedInstanceFreedVcpus_OtherInstanceFitsButRestartRefused()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1_000_000, Quotas = new Dictionary<string, int> { ["AWS::EC2::Instance"] = 4 } });
        var first = await test.CreateOkAsync("AWS::EC2::Instance", "A", new() { ["ImageId"] = "ami-1", ["InstanceType"] = "m5.xlarge" });
        await test.Cloud.StopAsync(first.PhysicalId!);
        test.Time.Advance(TimeSpan.FromSeconds(1));

        var second = await test.CreateAsync("AWS::EC2::Instance", "B", new() { ["ImageId"] = "ami-1", ["InstanceType"] = "m5.xlarge" });
        var restart = await Assert.ThrowsAsync<SandboxPowerException>(() => test.Cloud.StartAsync(first.PhysicalId!));

        Assert.Equal(OperationStatus.Success, second.Status);
        Assert.Contains("vCPU limit of 4", restart.Message);
    }

    [Fact]
    public async Task CreateAsync_S3BucketQuota_IsPerAccount()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1_000_000, Quotas = new Dictionary<string, int> { ["AWS::S3::Bucket"] = 1 } });
        await test.CreateOkAsync("AWS::S3::Bucket", "A");

        var inOtherRegion = await test.Provider.CreateAsync(TestCloud.Request("AWS::S3::Bucket", "B") with { Region = "eu-west-1" }, CancellationToken.None);

        Assert.Equal(HandlerErrorCode.ServiceLimitExceeded, inOtherRegion.ErrorCode);
        Assert.Contains("account 123456789012", inOtherRegion.Message);
    }
}
