using System.Collections.Frozen;

namespace Strata.Providers.Sandbox.Types;

/// <summary>The prefixes of EC2 identifiers, by attribute name and by the type an <c>Id</c> belongs to.</summary>
internal static class Ec2IdPrefixes
{
    private static readonly FrozenDictionary<string, string> ByAttribute = new Dictionary<string, string>
    {
        ["VpcId"] = "vpc", ["SubnetId"] = "subnet", ["GroupId"] = "sg", ["SecurityGroupId"] = "sg", ["InstanceId"] = "i",
        ["InternetGatewayId"] = "igw", ["RouteTableId"] = "rtb", ["NetworkInterfaceId"] = "eni", ["EniId"] = "eni",
        ["AllocationId"] = "eipalloc", ["AssociationId"] = "eipassoc", ["VolumeId"] = "vol", ["ImageId"] = "ami",
        ["SnapshotId"] = "snap", ["NatGatewayId"] = "nat", ["NetworkAclId"] = "acl", ["LaunchTemplateId"] = "lt",
        ["KeyPairId"] = "key", ["TransitGatewayId"] = "tgw", ["VpcEndpointId"] = "vpce", ["VpcPeeringConnectionId"] = "pcx",
        ["DhcpOptionsId"] = "dopt", ["EgressOnlyInternetGatewayId"] = "eigw", ["CustomerGatewayId"] = "cgw",
        ["VpnGatewayId"] = "vgw", ["VPNGatewayId"] = "vgw", ["VpnConnectionId"] = "vpn", ["PlacementGroupId"] = "pg",
        ["FlowLogId"] = "fl", ["PrefixListId"] = "pl", ["CarrierGatewayId"] = "cagw", ["TransitGatewayAttachmentId"] = "tgw-attach",
        ["CapacityReservationId"] = "cr", ["SecurityGroupRuleId"] = "sgr", ["HostId"] = "h", ["IpamId"] = "ipam",
        ["IpamPoolId"] = "ipam-pool", ["NetworkAclAssociationId"] = "aclassoc", ["TransitGatewayRouteTableId"] = "tgw-rtb",
        ["LocalGatewayId"] = "lgw", ["InstanceConnectEndpointId"] = "eice", ["TrafficMirrorFilterId"] = "tmf",
        ["TrafficMirrorSessionId"] = "tms", ["TrafficMirrorTargetId"] = "tmt", ["NetworkInsightsPathId"] = "nip",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> ByType = new Dictionary<string, string>
    {
        ["AWS::EC2::SubnetRouteTableAssociation"] = "rtbassoc", ["AWS::EC2::EIPAssociation"] = "eipassoc",
        ["AWS::EC2::SecurityGroupIngress"] = "sgr", ["AWS::EC2::SecurityGroupEgress"] = "sgr", ["AWS::EC2::NetworkAcl"] = "acl",
        ["AWS::EC2::VPCEndpoint"] = "vpce", ["AWS::EC2::FlowLog"] = "fl", ["AWS::EC2::DHCPOptions"] = "dopt",
        ["AWS::EC2::VPCPeeringConnection"] = "pcx", ["AWS::EC2::TransitGateway"] = "tgw",
        ["AWS::EC2::TransitGatewayAttachment"] = "tgw-attach", ["AWS::EC2::TransitGatewayRouteTable"] = "tgw-rtb",
        ["AWS::EC2::VPCCidrBlock"] = "vpc-cidr-assoc", ["AWS::EC2::SubnetNetworkAclAssociation"] = "aclassoc",
        ["AWS::EC2::PrefixList"] = "pl", ["AWS::EC2::EgressOnlyInternetGateway"] = "eigw", ["AWS::EC2::CustomerGateway"] = "cgw",
        ["AWS::EC2::VPNGateway"] = "vgw", ["AWS::EC2::VPNConnection"] = "vpn", ["AWS::EC2::CarrierGateway"] = "cagw",
        ["AWS::EC2::NetworkInterfaceAttachment"] = "eni-attach", ["AWS::EC2::Host"] = "h", ["AWS::EC2::CapacityReservation"] = "cr",
        ["AWS::EC2::SpotFleet"] = "sfr", ["AWS::EC2::EC2Fleet"] = "fleet", ["AWS::EC2::IPAM"] = "ipam", ["AWS::EC2::IPAMPool"] = "ipam-pool",
        ["AWS::EC2::InstanceConnectEndpoint"] = "eice", ["AWS::EC2::VPCEndpointService"] = "vpce-svc",
        ["AWS::EC2::TrafficMirrorFilter"] = "tmf", ["AWS::EC2::TrafficMirrorSession"] = "tms", ["AWS::EC2::TrafficMirrorTarget"] = "tmt",
        ["AWS::EC2::NetworkInsightsPath"] = "nip", ["AWS::EC2::NetworkAclEntry"] = "acl-entry", ["AWS::EC2::VolumeAttachment"] = "vol-attach",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The prefix of an id attribute: by its own name (<c>SubnetId</c>), or for a bare <c>Id</c> by the type.</summary>
    public static string? For(string typeName, string attribute) =>
        ByAttribute.TryGetValue(attribute, out var prefix) ? prefix
        : attribute == "Id" && ByType.TryGetValue(typeName, out var typePrefix) ? typePrefix
        : null;
}
