using System.Net;
using System.Text.Json.Nodes;
using Strata.Engine.Providers;

namespace Strata.Providers.Sandbox.Tests;

public sealed class NetworkTests : IDisposable
{
    private readonly TestCloud _test = new(new() { Seed = 11, Speed = 1_000_000 });

    public void Dispose() => _test.Dispose();

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";

    private static bool InBlock(string address, string cidr)
    {
        var parts = cidr.Split('/');
        var network = IPNetwork.Parse($"{parts[0]}/{parts[1]}");
        return network.Contains(IPAddress.Parse(address));
    }

    private async Task<string> VpcAsync(string cidr = "10.0.0.0/16") =>
        (await _test.CreateOkAsync("AWS::EC2::VPC", "Vpc", new() { ["CidrBlock"] = cidr })).PhysicalId!;

    private async Task<string> SubnetAsync(string vpc, string cidr, string logicalId = "Subnet", bool mapPublic = false) =>
        (await _test.CreateOkAsync("AWS::EC2::Subnet", logicalId,
            new() { ["VpcId"] = vpc, ["CidrBlock"] = cidr, ["MapPublicIpOnLaunch"] = mapPublic })).PhysicalId!;

    [Fact]
    public async Task CreateAsync_InstancesInSubnet_PrivateIpsInsideCidrAndDistinct()
    {
        var vpc = await VpcAsync();
        var subnet = await SubnetAsync(vpc, "10.0.4.0/24");

        var addresses = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var instance = await _test.CreateOkAsync("AWS::EC2::Instance", $"Web{i}", new() { ["SubnetId"] = subnet, ["ImageId"] = "ami-1" });
            addresses.Add(Text(instance.ResourceModel!["PrivateIp"]));
        }

        Assert.All(addresses, address => Assert.True(InBlock(address, "10.0.4.0/24"), $"{address} is outside 10.0.4.0/24"));
        Assert.Equal(addresses.Count, addresses.Distinct().Count());
        // AWS reserves the first four addresses and the last one of every subnet.
        Assert.DoesNotContain(addresses, a => a is "10.0.4.0" or "10.0.4.1" or "10.0.4.2" or "10.0.4.3" or "10.0.4.255");
    }

    [Fact]
    public async Task CreateAsync_SubnetFull_FailsNamingSubnet()
    {
        var vpc = await VpcAsync();
        var subnet = await SubnetAsync(vpc, "10.0.9.0/28");

        // A /28 has 16 addresses, 11 usable.
        for (var i = 0; i < 11; i++)
        {
            await _test.CreateOkAsync("AWS::EC2::Instance", $"Vm{i}", new() { ["SubnetId"] = subnet, ["ImageId"] = "ami-1" });
        }
        var overflow = await _test.CreateAsync("AWS::EC2::Instance", "Vm11", new() { ["SubnetId"] = subnet, ["ImageId"] = "ami-1" });

        Assert.Equal(OperationStatus.Failed, overflow.Status);
        Assert.Contains(subnet, overflow.Message);
        Assert.Contains("not enough free addresses", overflow.Message);
    }

    [Fact]
    public async Task DeleteAsync_Instance_ReleasesItsAddress()
    {
        var vpc = await VpcAsync();
        var subnet = await SubnetAsync(vpc, "10.0.9.0/28");
        var first = await _test.CreateOkAsync("AWS::EC2::Instance", "Vm", new() { ["SubnetId"] = subnet, ["ImageId"] = "ami-1", ["PrivateIpAddress"] = "10.0.9.10" });

        await _test.DeleteAsync("AWS::EC2::Instance", "Vm", first.PhysicalId!);
        var again = await _test.CreateAsync("AWS::EC2::Instance", "Vm2", new() { ["SubnetId"] = subnet, ["ImageId"] = "ami-1", ["PrivateIpAddress"] = "10.0.9.10" });

        Assert.Equal(OperationStatus.Success, again.Status);
    }

    [Fact]
    public async Task CreateAsync_RequestedAddressInUse_AlreadyExists()
    {
        var vpc = await VpcAsync();
        var subnet = await SubnetAsync(vpc, "10.0.2.0/24");
        await _test.CreateOkAsync("AWS::EC2::Instance", "A", new() { ["SubnetId"] = subnet, ["ImageId"] = "ami-1", ["PrivateIpAddress"] = "10.0.2.50" });

        var second = await _test.CreateAsync("AWS::EC2::Instance", "B", new() { ["SubnetId"] = subnet, ["ImageId"] = "ami-1", ["PrivateIpAddress"] = "10.0.2.50" });

        Assert.Equal(HandlerErrorCode.AlreadyExists, second.ErrorCode);
        Assert.Contains("10.0.2.50", second.Message);
    }

    [Fact]
    public async Task CreateAsync_RequestedAddressOutsideSubnet_InvalidRequest()
    {
        var vpc = await VpcAsync();
        var subnet = await SubnetAsync(vpc, "10.0.2.0/24");

        var result = await _test.CreateAsync("AWS::EC2::Instance", "A", new() { ["SubnetId"] = subnet, ["ImageId"] = "ami-1", ["PrivateIpAddress"] = "10.0.3.5" });

        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("not a usable address of subnet", result.Message);
    }

    [Fact]
    public async Task CreateAsync_InstanceViaNetworkInterface_UsesItsSubnet()
    {
        var vpc = await VpcAsync();
        var subnet = await SubnetAsync(vpc, "10.0.7.0/24");

        var result = await _test.CreateOkAsync("AWS::EC2::Instance", "A", new()
        {
            ["ImageId"] = "ami-1",
            ["NetworkInterfaces"] = new JsonArray(new JsonObject { ["DeviceIndex"] = "0", ["SubnetId"] = subnet, ["AssociatePublicIpAddress"] = true }),
        });

        Assert.True(InBlock(Text(result.ResourceModel!["PrivateIp"]), "10.0.7.0/24"));
        Assert.NotEqual("", Text(result.ResourceModel["PublicIp"]));
        Assert.Equal(vpc, Text(result.ResourceModel["VpcId"]));
    }

    [Fact]
    public async Task CreateAsync_PrivateSubnet_NoPublicAddress()
    {
        var vpc = await VpcAsync();
        var subnet = await SubnetAsync(vpc, "10.0.8.0/24", mapPublic: false);

        var result = await _test.CreateOkAsync("AWS::EC2::Instance", "A", new() { ["SubnetId"] = subnet, ["ImageId"] = "ami-1" });

        Assert.Equal("", Text(result.ResourceModel!["PublicIp"]));
        Assert.Equal("", Text(result.ResourceModel["PublicDnsName"]));
    }

    [Fact]
    public async Task CreateAsync_NoSubnet_DefaultVpcAddressWithPublicIp()
    {
        var result = await _test.CreateOkAsync("AWS::EC2::Instance", "A", new() { ["ImageId"] = "ami-1", ["AvailabilityZone"] = "us-east-1c" });
        var model = result.ResourceModel!;

        Assert.Equal("us-east-1c", Text(model["AvailabilityZone"]));
        // The default VPC has a /20 per zone: us-east-1c is the third, 172.31.32.0/20.
        Assert.True(InBlock(Text(model["PrivateIp"]), "172.31.32.0/20"), Text(model["PrivateIp"]));
        Assert.NotEqual("", Text(model["PublicIp"]));
    }

    [Fact]
    public async Task CreateAsync_SubnetOutsideVpcBlock_InvalidRequest()
    {
        var vpc = await VpcAsync("10.0.0.0/16");

        var result = await _test.CreateAsync("AWS::EC2::Subnet", "Bad", new() { ["VpcId"] = vpc, ["CidrBlock"] = "10.1.0.0/24" });

        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("not within the CIDR block of VPC", result.Message);
    }

    [Fact]
    public async Task CreateAsync_OverlappingSubnets_InvalidRequest()
    {
        var vpc = await VpcAsync();
        await SubnetAsync(vpc, "10.0.0.0/23", "First");

        var result = await _test.CreateAsync("AWS::EC2::Subnet", "Second", new() { ["VpcId"] = vpc, ["CidrBlock"] = "10.0.1.0/24" });

        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("conflicts with subnet", result.Message);
    }

    [Fact]
    public async Task CreateAsync_VpcBlockTooLarge_InvalidRequest()
    {
        var result = await _test.CreateAsync("AWS::EC2::VPC", "Vpc", new() { ["CidrBlock"] = "10.0.0.0/8" });

        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("between /16 and /28", result.Message);
    }

    [Fact]
    public async Task CreateAsync_SubnetZone_SetWithZoneId()
    {
        var vpc = await VpcAsync();

        var result = await _test.CreateOkAsync("AWS::EC2::Subnet", "S", new() { ["VpcId"] = vpc, ["CidrBlock"] = "10.0.5.0/24", ["AvailabilityZone"] = "us-east-1d" });

        Assert.Equal("us-east-1d", Text(result.ResourceModel!["AvailabilityZone"]));
        Assert.Equal("use1-az4", Text(result.ResourceModel["AvailabilityZoneId"]));
    }

    [Fact]
    public async Task CreateAsync_SubnetNotInSandbox_StableStandInBlock()
    {
        var first = await _test.CreateOkAsync("AWS::EC2::Instance", "A", new() { ["SubnetId"] = "subnet-0123456789abcdef0", ["ImageId"] = "ami-1" });
        var second = await _test.CreateOkAsync("AWS::EC2::Instance", "B", new() { ["SubnetId"] = "subnet-0123456789abcdef0", ["ImageId"] = "ami-1" });

        var a = Text(first.ResourceModel!["PrivateIp"]);
        var b = Text(second.ResourceModel!["PrivateIp"]);
        Assert.NotEqual(a, b);
        Assert.Equal(string.Join('.', a.Split('.').Take(3)), string.Join('.', b.Split('.').Take(3)));
    }

    [Fact]
    public async Task DeleteAsync_VpcWithSubnet_DependencyViolation()
    {
        var vpc = await VpcAsync();
        var subnet = await SubnetAsync(vpc, "10.0.1.0/24");

        var refused = await _test.DeleteAsync("AWS::EC2::VPC", "Vpc", vpc);
        await _test.DeleteAsync("AWS::EC2::Subnet", "Subnet", subnet);
        var deleted = await _test.DeleteAsync("AWS::EC2::VPC", "Vpc", vpc);

        Assert.Equal(HandlerErrorCode.ResourceConflict, refused.ErrorCode);
        Assert.Contains("DependencyViolation", refused.Message);
        Assert.Contains(subnet, refused.Message);
        Assert.Equal(OperationStatus.Success, deleted.Status);
    }
}
