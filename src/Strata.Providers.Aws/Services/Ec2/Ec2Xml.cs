using System.Xml.Linq;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Services.Ec2;

/// <summary>Reads EC2's XML (camel-case names, lists as <c>xxxSet/item</c>) into the typed records.</summary>
internal static class Ec2Xml
{
    public static Reservation Reservation(XElement e) =>
        new(e.Text("reservationId") ?? "", e.Text("ownerId"), e.Items("instancesSet").Select(Instance).ToList());

    public static Instance Instance(XElement e) => new()
    {
        InstanceId = e.Text("instanceId") ?? "",
        ImageId = e.Text("imageId"),
        InstanceType = e.Text("instanceType"),
        State = State(e.Child("instanceState")),
        StateReason = e.Child("stateReason").Text("message"),
        StateTransitionReason = e.Text("reason"),
        PrivateIpAddress = e.Text("privateIpAddress"),
        PublicIpAddress = e.Text("ipAddress"),
        PrivateDnsName = e.Text("privateDnsName"),
        PublicDnsName = e.Text("dnsName"),
        SubnetId = e.Text("subnetId"),
        VpcId = e.Text("vpcId"),
        AvailabilityZone = e.Child("placement").Text("availabilityZone"),
        KeyName = e.Text("keyName"),
        LaunchTime = e.Date("launchTime"),
        Architecture = e.Text("architecture"),
        PlatformDetails = e.Text("platformDetails"),
        SecurityGroups = e.Items("groupSet").Select(g => new SecurityGroupIdentifier(g.Text("groupId") ?? "", g.Text("groupName"))).ToList(),
        Tags = Tags(e),
    };

    public static InstanceState State(XElement? e) => new(e.Int("code") ?? 0, e.Text("name") ?? "");

    public static InstanceStateChange StateChange(XElement e) =>
        new(e.Text("instanceId") ?? "", State(e.Child("currentState")), State(e.Child("previousState")));

    public static InstanceStatusItem Status(XElement e) => new()
    {
        InstanceId = e.Text("instanceId") ?? "",
        AvailabilityZone = e.Text("availabilityZone"),
        InstanceState = State(e.Child("instanceState")),
        SystemStatus = e.Child("systemStatus").Text("status"),
        InstanceStatus = e.Child("instanceStatus").Text("status"),
    };

    public static Vpc Vpc(XElement e) => new()
    {
        VpcId = e.Text("vpcId") ?? "",
        CidrBlock = e.Text("cidrBlock"),
        State = e.Text("state"),
        IsDefault = e.Bool("isDefault") ?? false,
        DhcpOptionsId = e.Text("dhcpOptionsId"),
        InstanceTenancy = e.Text("instanceTenancy"),
        OwnerId = e.Text("ownerId"),
        Tags = Tags(e),
    };

    public static Subnet Subnet(XElement e) => new()
    {
        SubnetId = e.Text("subnetId") ?? "",
        VpcId = e.Text("vpcId"),
        CidrBlock = e.Text("cidrBlock"),
        AvailabilityZone = e.Text("availabilityZone"),
        AvailabilityZoneId = e.Text("availabilityZoneId"),
        AvailableIpAddressCount = e.Int("availableIpAddressCount"),
        DefaultForAz = e.Bool("defaultForAz") ?? false,
        MapPublicIpOnLaunch = e.Bool("mapPublicIpOnLaunch") ?? false,
        State = e.Text("state"),
        Tags = Tags(e),
    };

    public static AvailabilityZone Zone(XElement e) => new()
    {
        ZoneName = e.Text("zoneName") ?? "",
        ZoneId = e.Text("zoneId"),
        State = e.Text("zoneState"),
        RegionName = e.Text("regionName"),
        ZoneType = e.Text("zoneType"),
    };

    public static Image Image(XElement e) => new()
    {
        ImageId = e.Text("imageId") ?? "",
        Name = e.Text("name"),
        Description = e.Text("description"),
        State = e.Text("imageState"),
        OwnerId = e.Text("imageOwnerId"),
        Architecture = e.Text("architecture"),
        CreationDate = e.Text("creationDate"),
        ImageLocation = e.Text("imageLocation"),
        IsPublic = e.Bool("isPublic"),
        RootDeviceType = e.Text("rootDeviceType"),
        VirtualizationType = e.Text("virtualizationType"),
        PlatformDetails = e.Text("platformDetails"),
        Tags = Tags(e),
    };

    public static IReadOnlyList<AwsTag> Tags(XElement e) =>
        AwsTag.ListFromXml(e, "tagSet", "key", "value");

    public static string? NextToken(XElement e) => e.NextToken("nextToken");
}
