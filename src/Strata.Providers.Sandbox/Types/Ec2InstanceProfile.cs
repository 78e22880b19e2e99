using System.Text.Json.Nodes;
using Strata.Providers.Sandbox.Cost;
using Strata.Providers.Sandbox.Identity;
using Strata.Providers.Sandbox.Network;

namespace Strata.Providers.Sandbox.Types;

/// <summary>
/// EC2 instances: an id, an address inside the subnet's block (unique in the subnet), a public
/// address when the subnet or interface asks for one (as on AWS: a private subnet gives none, so
/// <c>PublicIp</c> is empty), DNS names in the region's formats, and the vCPUs the On-Demand quota counts.
/// </summary>
internal static class Ec2InstanceProfile
{
    public const string TypeName = "AWS::EC2::Instance";

    public static void Register(Dictionary<string, TypeProfile> profiles) => profiles[TypeName] = Instance;

    private static string Instance(CreationContext c)
    {
        var id = Names.Ec2Id(c.Random, "i");
        c.PhysicalId = id;
        var primaryInterface = PrimaryInterface(c.Properties);
        var subnetId = c.Text("SubnetId") ?? JsonValues.ScalarText(primaryInterface?["SubnetId"]);
        var subnet = c.Network.ResolveSubnet(subnetId, c.Text("AvailabilityZone"), c.Random);
        if (c.Text("AvailabilityZone") is { } zone && subnetId is not null && zone != subnet.AvailabilityZone
            && c.Network.FindSubnet(subnetId) is not null)
        {
            throw c.Invalid($"AvailabilityZone {zone} does not match the zone of subnet {subnet.SubnetId} ({subnet.AvailabilityZone})");
        }
        var requestedIp = c.Text("PrivateIpAddress") ?? JsonValues.ScalarText(primaryInterface?["PrivateIpAddress"]);
        var privateIp = c.Network.AllocatePrivateIp(subnet, c.Random, c.TypeName, id, requestedIp);
        var wantsPublic = JsonValues.TryGetLenientBoolean(primaryInterface?["AssociatePublicIpAddress"], out var associate)
            ? associate
            : subnet.MapPublicIpOnLaunch;
        var publicIp = wantsPublic ? c.Network.AllocatePublicIp(c.Random, c.TypeName, id) : "";

        c.Vcpus = Ec2InstanceTypes.Resolve(c.Text("InstanceType")).Vcpus;
        c.Set("InstanceId", id);
        c.Set("AvailabilityZone", subnet.AvailabilityZone);
        c.Set("VpcId", subnet.VpcId);
        c.Set("SubnetId", subnet.SubnetId);
        c.Set("PrivateIp", privateIp);
        c.Set("PrivateDnsName", PrivateDnsName(c.Region, privateIp));
        c.Set("PublicIp", publicIp);
        c.Set("PublicDnsName", PublicDnsName(c.Region, publicIp));
        return id;
    }

    public static string PrivateDnsName(string region, string privateIp) =>
        $"ip-{privateIp.Replace('.', '-')}.{Regions.PrivateDnsSuffix(region)}";

    public static string PublicDnsName(string region, string publicIp) =>
        publicIp.Length == 0 ? "" : $"ec2-{publicIp.Replace('.', '-')}.{Regions.PublicDnsSuffix(region)}";

    private static JsonObject? PrimaryInterface(JsonObject properties)
    {
        if (properties["NetworkInterfaces"] is not JsonArray interfaces)
        {
            return null;
        }
        return interfaces.OfType<JsonObject>().FirstOrDefault(ni => JsonValues.ScalarText(ni["DeviceIndex"]) == "0")
            ?? interfaces.OfType<JsonObject>().FirstOrDefault();
    }
}
