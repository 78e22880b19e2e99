using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.Ec2;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Services;

/// <summary>The look-ups behind template parameters (VPC, subnet, zone, image pickers), checked against the AWS CLI.</summary>
[Collection(MotoCollection.Name)]
public sealed class Ec2LookupTests(MotoServerFixture moto)
{
    private readonly Ec2Client _ec2 = new(moto.CreateContext());

    [Fact]
    public async Task DescribeVpcs_DefaultFilter_ReturnsTheDefaultVpcTheAwsCliSees()
    {
        var vpcs = (await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [Ec2Filter.Create("is-default", "true")] })).Vpcs;

        var cli = (await moto.Cli.JsonAsync("ec2", "describe-vpcs", "--filters", "Name=is-default,Values=true"))
            .RootElement.GetProperty("Vpcs")[0];
        var vpc = Assert.Single(vpcs);
        Assert.True(vpc.IsDefault);
        Assert.Equal(cli.GetProperty("VpcId").GetString(), vpc.VpcId);
        Assert.Equal(cli.GetProperty("CidrBlock").GetString(), vpc.CidrBlock);
        Assert.Equal("available", vpc.State);
    }

    [Fact]
    public async Task DescribeSubnets_OfDefaultVpc_MatchTheAwsCli()
    {
        var vpc = (await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [Ec2Filter.Create("is-default", "true")] })).Vpcs.Single();

        var subnets = (await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [Ec2Filter.Create("vpc-id", vpc.VpcId)] })).Subnets;

        var cli = (await moto.Cli.JsonAsync("ec2", "describe-subnets", "--filters", $"Name=vpc-id,Values={vpc.VpcId}"))
            .RootElement.GetProperty("Subnets").EnumerateArray()
            .ToDictionary(s => s.GetProperty("SubnetId").GetString()!, s => s.GetProperty("AvailabilityZone").GetString());
        Assert.NotEmpty(subnets);
        Assert.Equal(cli, subnets.ToDictionary(s => s.SubnetId, s => s.AvailabilityZone));
        Assert.All(subnets, s => Assert.Equal(vpc.VpcId, s.VpcId));
        Assert.All(subnets, s => Assert.True(s.DefaultForAz));
        Assert.All(subnets, s => Assert.True(s.AvailableIpAddressCount > 0));
    }

    [Fact]
    public async Task DescribeAvailabilityZones_Region_ListsTheZonesTheAwsCliLists()
    {
        var zones = await _ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest());

        var cli = (await moto.Cli.JsonAsync("ec2", "describe-availability-zones"))
            .RootElement.GetProperty("AvailabilityZones").EnumerateArray()
            .Select(z => (z.GetProperty("ZoneName").GetString(), z.GetProperty("ZoneId").GetString()));
        Assert.Equal(cli.Order().ToList(), zones.Select(z => ((string?)z.ZoneName, z.ZoneId)).Order().ToList());
        Assert.All(zones, z => Assert.Equal("us-east-1", z.RegionName));
        Assert.All(zones, z => Assert.Equal("available", z.State));
    }

    [Fact]
    public async Task DescribeAvailabilityZones_ByName_ReturnsOnlyThatZone()
    {
        var zones = await _ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest { ZoneNames = ["us-east-1b"] });

        Assert.Equal("us-east-1b", Assert.Single(zones).ZoneName);
    }

    [Fact]
    public async Task DescribeImages_OwnerAndArchitectureFilter_MatchTheAwsCli()
    {
        var images = await Paginator.ItemsAsync(
            (token, ct) => _ec2.DescribeImagesAsync(new DescribeImagesRequest
            {
                Owners = ["amazon"], Filters = [Ec2Filter.Create("architecture", "arm64")], NextToken = token,
            }, ct),
            page => page.NextToken, page => page.Images).ToListAsync();

        var cli = (await moto.Cli.JsonAsync("ec2", "describe-images", "--owners", "amazon", "--filters", "Name=architecture,Values=arm64"))
            .RootElement.GetProperty("Images").EnumerateArray()
            .ToDictionary(i => i.GetProperty("ImageId").GetString()!, i => i.GetProperty("Name").GetString());
        Assert.NotEmpty(images);
        Assert.Equal(cli, images.ToDictionary(i => i.ImageId, i => i.Name));
        Assert.All(images, i => Assert.Equal("arm64", i.Architecture));
    }

    [Fact]
    public async Task DescribeImages_UnknownImage_ThrowsTypedNotFound()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            _ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["ami-00000000000000000"] }));

        Assert.Equal("InvalidAMIID.NotFound", error.Code);
        Assert.Equal("DescribeImages", error.Operation);
    }
}
