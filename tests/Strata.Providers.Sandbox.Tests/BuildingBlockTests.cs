using Strata.Providers.Sandbox.Identity;
using Strata.Providers.Sandbox.Network;
using Strata.Providers.Sandbox.Timing;

namespace Strata.Providers.Sandbox.Tests;

public sealed class BuildingBlockTests
{
    [Theory]
    [InlineData("10.0.1.0/24", "10.0.1.0/24", 256)]
    [InlineData("10.0.1.77/24", "10.0.1.0/24", 256)]
    [InlineData("172.31.0.0/16", "172.31.0.0/16", 65536)]
    public void Ipv4CidrTryParse_Valid_NormalizedBlock(string text, string expected, long size)
    {
        Assert.True(Ipv4Cidr.TryParse(text, out var cidr));

        Assert.Equal(expected, cidr.Value.ToString());
        Assert.Equal((ulong)size, cidr.Value.Size);
    }

    [Theory]
    [InlineData("10.0.1.0")]
    [InlineData("10.0.1.0/33")]
    [InlineData("10.0.1/24")]
    [InlineData("::1/64")]
    [InlineData("banana/8")]
    public void Ipv4CidrTryParse_Invalid_False(string text)
    {
        Assert.False(Ipv4Cidr.TryParse(text, out _));
    }

    [Fact]
    public void Ipv4Cidr_CoversAndOverlaps_FollowBlockArithmetic()
    {
        Ipv4Cidr.TryParse("10.0.0.0/16", out var vpc);
        Ipv4Cidr.TryParse("10.0.4.0/24", out var inside);
        Ipv4Cidr.TryParse("10.1.0.0/24", out var outside);
        Ipv4Cidr.TryParse("10.0.4.128/25", out var half);

        Assert.True(vpc!.Value.Covers(inside!.Value));
        Assert.False(vpc.Value.Covers(outside!.Value));
        Assert.True(inside.Value.Overlaps(half!.Value));
        Assert.False(inside.Value.Overlaps(outside.Value));
    }

    [Fact]
    public void AvailabilityZones_UsEast1_SixZones()
    {
        Assert.Equal(["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"], Regions.AvailabilityZones("us-east-1"));
        Assert.Equal(3, Regions.AvailabilityZones("eu-central-1").Count);
    }

    [Theory]
    [InlineData("us-east-1a", "use1-az1")]
    [InlineData("us-west-2c", "usw2-az3")]
    [InlineData("eu-central-1b", "euc1-az2")]
    [InlineData("ap-southeast-2a", "apse2-az1")]
    public void ZoneId_Zone_AwsStyleId(string zone, string expected)
    {
        Assert.Equal(expected, Regions.ZoneId(zone));
    }

    [Fact]
    public void DeterministicRandom_SameSeedAndScope_SameStream()
    {
        var a = new DeterministicRandom(7, "scope");
        var b = new DeterministicRandom(7, "scope");
        var c = new DeterministicRandom(7, "other");

        var first = a.Hex(40);
        Assert.Equal(first, b.Hex(40));
        Assert.NotEqual(first, c.Hex(40));
    }

    [Fact]
    public void DeterministicRandom_Next_StaysInRangeAndCoversIt()
    {
        var random = new DeterministicRandom(1, "range");
        var seen = new HashSet<int>();
        for (var i = 0; i < 2000; i++)
        {
            var value = random.Next(6);
            Assert.InRange(value, 0, 5);
            seen.Add(value);
        }

        Assert.Equal(6, seen.Count);
    }

    [Fact]
    public void Generated_ShortParts_StackLogicalAndThirteenCharacters()
    {
        var name = Names.Generated(new DeterministicRandom(1, "n"), "web", "Queue", NameRules.Default);

        Assert.Matches("^web-Queue-[A-Z0-9]{13}$", name);
    }

    [Fact]
    public void Generated_LongParts_TruncatedToLimitKeepingBoth()
    {
        var name = Names.Generated(new DeterministicRandom(1, "n"), new string('s', 80), new string('L', 80), new NameRules(64));

        Assert.Equal(64, name.Length);
        Assert.Matches("^s+-L+-[A-Z0-9]{13}$", name);
    }

    [Fact]
    public void Ec2Id_Prefix_SeventeenHexDigitsStartingWithZero()
    {
        Assert.Matches("^i-0[0-9a-f]{16}$", Names.Ec2Id(new DeterministicRandom(1, "i"), "i"));
    }

    [Fact]
    public void OperationDurations_KnownAndUnknownTypes_BaselineOrDefault()
    {
        Assert.Equal(new DurationRange(300, 600), OperationDurations.For("AWS::RDS::DBInstance", OperationKind.Create));
        Assert.True(OperationDurations.HasBaseline("AWS::EC2::Instance"));
        Assert.False(OperationDurations.HasBaseline("AWS::Glue::Database"));
        Assert.Equal(new DurationRange(2, 5), OperationDurations.For("AWS::Glue::Database", OperationKind.Delete));
    }
}
