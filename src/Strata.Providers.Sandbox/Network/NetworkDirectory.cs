using Microsoft.Data.Sqlite;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Identity;
using Strata.Providers.Sandbox.Storage;

namespace Strata.Providers.Sandbox.Network;

/// <summary>What an instance or network interface needs to know about the subnet it lands in.</summary>
internal sealed record SubnetInfo(string SubnetId, Ipv4Cidr Cidr, string VpcId, string AvailabilityZone, bool MapPublicIpOnLaunch)
{
    /// <summary>The address pool key: addresses are unique per subnet.</summary>
    public string Pool => $"subnet:{SubnetId}";
}

/// <summary>
/// Looks subnets and VPCs up among the sandbox's resources and hands out addresses, inside the caller's
/// write transaction so that two parallel launches cannot take the same address. An id the sandbox
/// did not create (a template parameter naming a real subnet) gets a stable stand-in block, so
/// templates written for existing networks still rehearse; with no subnet at all, the region's default
/// VPC (172.31.0.0/16, one /20 per zone) is used, as on AWS.
/// </summary>
internal sealed class NetworkDirectory(SqliteConnection connection, SqliteTransaction transaction, long seed, string region)
{
    private const string SubnetType = "AWS::EC2::Subnet";
    private const string VpcType = "AWS::EC2::VPC";

    // Public blocks AWS uses for EC2 in us-east-1; other regions draw from the same ones (nobody routes to them).
    private static readonly Ipv4Cidr[] PublicBlocks =
    [
        Block("3.80.0.0/12"), Block("18.204.0.0/14"), Block("34.192.0.0/12"), Block("44.192.0.0/11"),
        Block("52.0.0.0/11"), Block("54.80.0.0/12"), Block("54.144.0.0/12"),
    ];

    public string Region => region;

    public string DefaultVpcId => Names.Ec2Id(new DeterministicRandom(seed, $"default-vpc|{region}"), "vpc");

    public static Ipv4Cidr DefaultVpcCidr { get; } = Block("172.31.0.0/16");

    /// <summary>The subnet a resource lands in: the one named, or the default subnet of the zone (or of a seeded zone).</summary>
    public SubnetInfo ResolveSubnet(string? subnetId, string? availabilityZone, DeterministicRandom random)
    {
        if (!string.IsNullOrEmpty(subnetId))
        {
            return FindSubnet(subnetId) ?? StandIn(subnetId);
        }
        var zones = Regions.AvailabilityZones(region);
        var zone = availabilityZone is not null && zones.Contains(availabilityZone) ? availabilityZone : zones[random.Next(zones.Count)];
        return DefaultSubnet(zone);
    }

    public SubnetInfo? FindSubnet(string subnetId)
    {
        var subnet = ResourceTable.Find(connection, transaction, SubnetType, subnetId);
        if (subnet is null || !Ipv4Cidr.TryParse(JsonValues.ScalarText(subnet.Model["CidrBlock"]), out var cidr))
        {
            return null;
        }
        JsonValues.TryGetLenientBoolean(subnet.Model["MapPublicIpOnLaunch"], out var mapPublic);
        return new SubnetInfo(subnetId, cidr.Value, JsonValues.ScalarText(subnet.Model["VpcId"]) ?? DefaultVpcId,
            JsonValues.ScalarText(subnet.Model["AvailabilityZone"]) ?? Regions.AvailabilityZones(region)[0], mapPublic);
    }

    /// <summary>The CIDR block of a VPC the sandbox created (or of the default VPC), or null.</summary>
    public Ipv4Cidr? FindVpcCidr(string vpcId)
    {
        if (vpcId == DefaultVpcId)
        {
            return DefaultVpcCidr;
        }
        var vpc = ResourceTable.Find(connection, transaction, VpcType, vpcId);
        return vpc is not null && Ipv4Cidr.TryParse(JsonValues.ScalarText(vpc.Model["CidrBlock"]), out var cidr) ? cidr : null;
    }

    /// <summary>The CIDR blocks of the other subnets of a VPC (to refuse overlapping ones, as EC2 does).</summary>
    public IEnumerable<(string SubnetId, Ipv4Cidr Cidr)> SubnetsOf(string vpcId) =>
        connection.Query(transaction, "SELECT physical_id, model FROM resources WHERE type = $type AND scope = $vpc",
                r => (r.GetString(0), System.Text.Json.Nodes.JsonNode.Parse(r.GetString(1))!["CidrBlock"]),
                ("$type", SubnetType), ("$vpc", vpcId))
            .Select(row => (row.Item1, Cidr: Ipv4Cidr.TryParse(JsonValues.ScalarText(row.Item2), out var c) ? c : null))
            .Where(row => row.Cidr is not null)
            .Select(row => (row.Item1, row.Cidr!.Value));

    /// <summary>
    /// Claims a private address: the one asked for, or a seeded pick among the subnet's free host
    /// addresses (AWS reserves the first four and the last of every subnet).
    /// </summary>
    public string AllocatePrivateIp(SubnetInfo subnet, DeterministicRandom random, string ownerType, string ownerId, string? requested)
    {
        var first = subnet.Cidr.Network + 4;
        var usable = (long)subnet.Cidr.Size - 5;
        if (usable <= 0)
        {
            throw new SandboxFault(HandlerErrorCode.InvalidRequest, $"subnet {subnet.SubnetId} ({subnet.Cidr}) is too small to hold an address");
        }
        if (requested is not null)
        {
            if (!Ipv4Cidr.TryParseAddress(requested, out var wanted) || wanted < first || wanted >= first + usable)
            {
                throw new SandboxFault(HandlerErrorCode.InvalidRequest,
                    $"address {requested} is not a usable address of subnet {subnet.SubnetId} ({subnet.Cidr})");
            }
            if (!AddressTable.TryClaim(connection, transaction, subnet.Pool, requested, ownerType, ownerId))
            {
                throw new SandboxFault(HandlerErrorCode.AlreadyExists, $"address {requested} is already in use in subnet {subnet.SubnetId}");
            }
            return requested;
        }
        if (AddressTable.CountInPool(connection, transaction, subnet.Pool) >= usable)
        {
            throw new SandboxFault(HandlerErrorCode.GeneralServiceException,
                $"there are not enough free addresses in subnet '{subnet.SubnetId}' ({subnet.Cidr}) to satisfy the request");
        }
        // Probing from a seeded start keeps addresses stable for a given seed however launches interleave.
        var start = random.Next((int)Math.Min(usable, int.MaxValue));
        for (long step = 0; step < usable; step++)
        {
            var candidate = Ipv4Cidr.Format((uint)(first + (start + step) % usable));
            if (AddressTable.TryClaim(connection, transaction, subnet.Pool, candidate, ownerType, ownerId))
            {
                return candidate;
            }
        }
        throw new SandboxFault(HandlerErrorCode.GeneralServiceException, $"subnet '{subnet.SubnetId}' has no free address");
    }

    /// <summary>Claims a public address from the region's pool.</summary>
    public string AllocatePublicIp(DeterministicRandom random, string ownerType, string ownerId)
    {
        var pool = $"public:{region}";
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var block = PublicBlocks[random.Next(PublicBlocks.Length)];
            var offset = 1 + (uint)random.Next((int)Math.Min(block.Size - 2, int.MaxValue));
            var candidate = Ipv4Cidr.Format(block.Network + offset);
            if (AddressTable.TryClaim(connection, transaction, pool, candidate, ownerType, ownerId))
            {
                return candidate;
            }
        }
        throw new SandboxFault(HandlerErrorCode.GeneralServiceException, "no public address could be allocated");
    }

    public void ReleaseAll(string ownerType, string ownerId) => AddressTable.Release(connection, transaction, ownerType, ownerId);

    public void Reown(string ownerType, string oldOwnerId, string newOwnerId) =>
        AddressTable.Reown(connection, transaction, ownerType, oldOwnerId, newOwnerId);

    public void ReleasePublic(string ownerType, string ownerId) =>
        AddressTable.ReleaseInPool(connection, transaction, $"public:{region}", ownerType, ownerId);

    private SubnetInfo DefaultSubnet(string zone)
    {
        var index = (uint)(zone[^1] - 'a');
        var cidr = new Ipv4Cidr(DefaultVpcCidr.Network + (index << 12), 20);
        var subnetId = Names.Ec2Id(new DeterministicRandom(seed, $"default-subnet|{zone}"), "subnet");
        return new SubnetInfo(subnetId, cidr, DefaultVpcId, zone, MapPublicIpOnLaunch: true);
    }

    private SubnetInfo StandIn(string subnetId)
    {
        var random = new DeterministicRandom(seed, $"foreign-subnet|{subnetId}");
        var cidr = new Ipv4Cidr((10u << 24) | ((uint)random.Next(256) << 16) | ((uint)random.Next(256) << 8), 24);
        var zones = Regions.AvailabilityZones(region);
        return new SubnetInfo(subnetId, cidr, Names.Ec2Id(random, "vpc"), zones[random.Next(zones.Count)], MapPublicIpOnLaunch: false);
    }

    private static Ipv4Cidr Block(string text) =>
        Ipv4Cidr.TryParse(text, out var cidr) ? cidr.Value : throw new ArgumentException(text);
}
