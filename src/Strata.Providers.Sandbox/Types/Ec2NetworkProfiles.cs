using System.Text.Json.Nodes;
using Strata.Providers.Sandbox.Identity;
using Strata.Providers.Sandbox.Network;

namespace Strata.Providers.Sandbox.Types;

/// <summary>VPCs, subnets, gateways, route tables, addresses: EC2 ids and CIDR arithmetic.</summary>
internal static class Ec2NetworkProfiles
{
    public static void Register(Dictionary<string, TypeProfile> profiles)
    {
        profiles["AWS::EC2::VPC"] = Vpc;
        profiles["AWS::EC2::Subnet"] = Subnet;
        profiles["AWS::EC2::SecurityGroup"] = SecurityGroup;
        profiles["AWS::EC2::InternetGateway"] = c => Simple(c, "igw", "InternetGatewayId");
        profiles["AWS::EC2::RouteTable"] = c => Scoped(c, Simple(c, "rtb", "RouteTableId"), c.Text("VpcId"));
        profiles["AWS::EC2::NetworkAcl"] = c => Scoped(c, Simple(c, "acl", "Id"), c.Text("VpcId"));
        profiles["AWS::EC2::Route"] = Route;
        profiles["AWS::EC2::EIP"] = ElasticIp;
        profiles["AWS::EC2::NatGateway"] = NatGateway;
        profiles["AWS::EC2::NetworkInterface"] = NetworkInterface;
        profiles["AWS::EC2::Volume"] = c => Simple(c, "vol", "VolumeId");
        profiles["AWS::EC2::LaunchTemplate"] = LaunchTemplate;
        profiles["AWS::EC2::KeyPair"] = KeyPair;
        profiles["AWS::EC2::VPCEndpoint"] = VpcEndpoint;
        profiles["AWS::EC2::VPCGatewayAttachment"] = GatewayAttachment;
    }

    private static string GatewayAttachment(CreationContext c)
    {
        var kind = c.Text("VpnGatewayId") is not null ? "VGW" : "IGW";
        c.Set("AttachmentType", kind);
        // Cloud Control's compound identifier: attachment type and VPC.
        return $"{kind}|{c.Text("VpcId")}";
    }

    /// <summary>An EC2 resource whose only generated value is its id.</summary>
    private static string Simple(CreationContext c, string prefix, string idAttribute)
    {
        var id = Names.Ec2Id(c.Random, prefix);
        c.Set(idAttribute, id);
        return id;
    }

    private static string Scoped(CreationContext c, string id, string? scope)
    {
        c.Scope = scope;
        return id;
    }

    /// <summary>
    /// The <c>CidrBlock</c> property when given, else the block <paramref name="allocate"/> picks (as an IPAM pool
    /// would); either way between /16 and /28, the sizes EC2 accepts for a <paramref name="owner"/>.
    /// </summary>
    private static Ipv4Cidr CidrBlock(CreationContext c, string owner, Func<Ipv4Cidr> allocate)
    {
        Ipv4Cidr cidr;
        if (c.Text("CidrBlock") is { } text)
        {
            if (!Ipv4Cidr.TryParse(text, out var parsed))
            {
                throw c.Invalid($"CidrBlock '{text}' is not an IPv4 CIDR block");
            }
            cidr = parsed.Value;
        }
        else
        {
            cidr = allocate();
        }
        if (cidr.PrefixLength is < 16 or > 28)
        {
            throw c.Invalid($"CidrBlock '{cidr}' has an invalid size: a {owner} block must be between /16 and /28");
        }
        return cidr;
    }

    private static string Vpc(CreationContext c)
    {
        var id = Names.Ec2Id(c.Random, "vpc");
        var cidr = CidrBlock(c, "VPC", () =>
        {
            // An IPAM pool allocates the block; the sandbox picks a private one of the asked size.
            var prefix = (int)(c.Number("Ipv4NetmaskLength") ?? 16);
            return new Ipv4Cidr((10u << 24) | ((uint)c.Random.Next(256) << 16), Math.Clamp(prefix, 16, 28));
        });
        c.Set("VpcId", id);
        c.Set("CidrBlock", cidr.ToString());
        c.Set("CidrBlockAssociations", new JsonArray(Names.Ec2Id(c.Random, "vpc-cidr-assoc")));
        c.Set("DefaultNetworkAcl", Names.Ec2Id(c.Random, "acl"));
        c.Set("DefaultSecurityGroup", Names.Ec2Id(c.Random, "sg"));
        c.Set("Ipv6CidrBlocks", new JsonArray());
        return id;
    }

    private static string Subnet(CreationContext c)
    {
        var id = Names.Ec2Id(c.Random, "subnet");
        var vpcId = c.Text("VpcId")!;
        var vpcCidr = c.Network.FindVpcCidr(vpcId);
        var cidr = CidrBlock(c, "subnet", () =>
        {
            var prefix = (int)(c.Number("Ipv4NetmaskLength") ?? 24);
            var start = vpcCidr?.Network ?? (10u << 24);
            return new Ipv4Cidr(start + ((uint)c.Random.Next(16) << (32 - Math.Clamp(prefix, 16, 28))), Math.Clamp(prefix, 16, 28));
        });
        if (vpcCidr is { } vpcBlock && !vpcBlock.Covers(cidr))
        {
            throw c.Invalid($"CidrBlock '{cidr}' is not within the CIDR block of VPC {vpcId} ({vpcBlock})");
        }
        foreach (var (otherId, otherCidr) in c.Network.SubnetsOf(vpcId))
        {
            if (otherCidr.Overlaps(cidr))
            {
                throw c.Invalid($"CidrBlock '{cidr}' conflicts with subnet {otherId} ({otherCidr}) in VPC {vpcId}");
            }
        }
        var zone = c.Zone(c.Text("AvailabilityZone") ?? ZoneFromId(c.Region, c.Text("AvailabilityZoneId")));
        c.Scope = vpcId;
        c.Set("SubnetId", id);
        c.Set("VpcId", vpcId);
        c.Set("CidrBlock", cidr.ToString());
        c.Set("AvailabilityZone", zone);
        c.Set("AvailabilityZoneId", Regions.ZoneId(zone));
        c.Set("NetworkAclAssociationId", Names.Ec2Id(c.Random, "aclassoc"));
        c.Set("Ipv6CidrBlocks", new JsonArray());
        return id;
    }

    private static string? ZoneFromId(string region, string? zoneId) =>
        zoneId is null ? null : Regions.AvailabilityZones(region).FirstOrDefault(zone => Regions.ZoneId(zone) == zoneId);

    private static string SecurityGroup(CreationContext c)
    {
        var id = Names.Ec2Id(c.Random, "sg");
        c.NameOr("GroupName", new NameRules(255));
        c.Set("GroupId", id);
        c.Set("Id", id);
        c.Set("VpcId", c.Text("VpcId") ?? c.Network.DefaultVpcId);
        return id;
    }

    private static string Route(CreationContext c)
    {
        var destination = c.Text("DestinationCidrBlock") ?? c.Text("DestinationIpv6CidrBlock") ?? c.Text("DestinationPrefixListId") ?? "0.0.0.0/0";
        c.Set("CidrBlock", destination);
        // Cloud Control joins a compound primary identifier with '|'.
        return $"{c.Text("RouteTableId")}|{destination}";
    }

    private static string ElasticIp(CreationContext c)
    {
        var allocationId = Names.Ec2Id(c.Random, "eipalloc");
        if (c.Text("Address") is { } transferred)
        {
            c.PhysicalId = transferred;
        }
        else
        {
            c.PhysicalId = c.Network.AllocatePublicIp(c.Random, c.TypeName, allocationId);
            c.Network.Reown(c.TypeName, allocationId, c.PhysicalId);
        }
        c.Set("AllocationId", allocationId);
        c.Set("PublicIp", c.PhysicalId);
        if (c.Text("Domain") is null)
        {
            c.Set("Domain", "vpc");
        }
        return c.PhysicalId;
    }

    private static string NatGateway(CreationContext c)
    {
        var id = Names.Ec2Id(c.Random, "nat");
        c.PhysicalId = id;
        var subnet = c.Network.ResolveSubnet(c.Text("SubnetId"), null, c.Random);
        var privateIp = c.Network.AllocatePrivateIp(subnet, c.Random, c.TypeName, id, c.Text("PrivateIpAddress"));
        c.Scope = subnet.AvailabilityZone;
        c.Set("NatGatewayId", id);
        c.Set("EniId", Names.Ec2Id(c.Random, "eni"));
        c.Set("PrivateIpAddress", privateIp);
        c.Set("VpcId", subnet.VpcId);
        return id;
    }

    private static string NetworkInterface(CreationContext c)
    {
        var id = Names.Ec2Id(c.Random, "eni");
        c.PhysicalId = id;
        var subnet = c.Network.ResolveSubnet(c.Text("SubnetId"), null, c.Random);
        var primary = c.Network.AllocatePrivateIp(subnet, c.Random, c.TypeName, id, c.Text("PrivateIpAddress"));
        var secondary = new JsonArray();
        for (var i = 0; i < (int)(c.Number("SecondaryPrivateIpAddressCount") ?? 0); i++)
        {
            secondary.Add(c.Network.AllocatePrivateIp(subnet, c.Random, c.TypeName, id, null));
        }
        c.Set("Id", id);
        c.Set("PrimaryPrivateIpAddress", primary);
        c.Set("SecondaryPrivateIpAddresses", secondary);
        c.Set("VpcId", subnet.VpcId);
        c.Set("PrimaryIpv6Address", "");
        return id;
    }

    private static string LaunchTemplate(CreationContext c)
    {
        var id = Names.Ec2Id(c.Random, "lt");
        c.NameOr("LaunchTemplateName", new NameRules(128));
        c.Set("LaunchTemplateId", id);
        c.Set("LatestVersionNumber", "1");
        c.Set("DefaultVersionNumber", "1");
        return id;
    }

    private static string KeyPair(CreationContext c)
    {
        var name = c.Text("KeyName")!;
        c.Set("KeyPairId", Names.Ec2Id(c.Random, "key"));
        var fingerprint = string.Join(':', Enumerable.Range(0, 20).Select(_ => c.Random.Hex(2)));
        c.Set("KeyFingerprint", fingerprint);
        return name;
    }

    private static string VpcEndpoint(CreationContext c)
    {
        var id = Names.Ec2Id(c.Random, "vpce");
        c.Set("Id", id);
        c.Set("CreationTimestamp", Names.Iso(c.Now));
        var isInterface = string.Equals(c.Text("VpcEndpointType"), "Interface", StringComparison.OrdinalIgnoreCase);
        var service = c.Text("ServiceName") ?? "";
        var shortService = service.Split('.').LastOrDefault() ?? "service";
        c.Set("NetworkInterfaceIds", isInterface ? new JsonArray(Names.Ec2Id(c.Random, "eni")) : new JsonArray());
        c.Set("DnsEntries", isInterface
            ? new JsonArray($"Z7HUB22UULQXV:{id}-{c.Random.LowerAlnum(8)}.{shortService}.{c.Region}.vpce.{c.DnsSuffix}")
            : new JsonArray());
        return id;
    }
}
