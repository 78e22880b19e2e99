namespace Strata.Providers.Sandbox.Network;

/// <summary>Availability zones and DNS suffixes per region, as AWS names them.</summary>
public static class Regions
{
    /// <summary>The zones of a region: six for us-east-1 (a…f), three elsewhere.</summary>
    public static IReadOnlyList<string> AvailabilityZones(string region)
    {
        var letters = region == "us-east-1" ? "abcdef" : "abc";
        return letters.Select(letter => region + letter).ToArray();
    }

    /// <summary>
    /// The zone id (e.g. <c>use1-az4</c>): AWS maps names to ids differently per account; the sandbox numbers
    /// them in letter order.
    /// </summary>
    public static string ZoneId(string availabilityZone)
    {
        var region = availabilityZone[..^1];
        var parts = region.Split('-');
        var direction = parts.Length == 3
            ? parts[1] switch
            {
                "east" => "e",
                "west" => "w",
                "central" => "c",
                "north" => "n",
                "south" => "s",
                "northeast" => "ne",
                "northwest" => "nw",
                "southeast" => "se",
                "southwest" => "sw",
                var other => other[..1],
            }
            : "";
        var prefix = parts.Length == 3 ? $"{parts[0]}{direction}{parts[2]}" : region.Replace("-", "");
        return $"{prefix}-az{availabilityZone[^1] - 'a' + 1}";
    }

    /// <summary>The suffix of private DNS names: <c>ec2.internal</c> in us-east-1, <c>{region}.compute.internal</c> elsewhere.</summary>
    public static string PrivateDnsSuffix(string region) =>
        region == "us-east-1" ? "ec2.internal" : $"{region}.compute.internal";

    /// <summary>The suffix of public DNS names: <c>compute-1.amazonaws.com</c> in us-east-1.</summary>
    public static string PublicDnsSuffix(string region) =>
        region == "us-east-1" ? "compute-1.amazonaws.com" : $"{region}.compute.amazonaws.com";
}
