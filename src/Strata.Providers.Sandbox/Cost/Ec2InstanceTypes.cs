using System.Collections.Frozen;

namespace Strata.Providers.Sandbox.Cost;

/// <summary>Size and us-east-1 On-Demand Linux list price of an EC2 instance type.</summary>
public sealed record InstanceTypeInfo(string Name, int Vcpus, double HourlyUsd);

/// <summary>
/// The common EC2 instance types (t2, t3, t3a, t4g, m5, m6i, m7i, c5, c6i, r5, r6i), at the us-east-1
/// On-Demand Linux list prices AWS publishes. Unknown types are priced by family and size from
/// the nearest listed family, so a template never costs nothing just because its type is exotic.
/// </summary>
public static class Ec2InstanceTypes
{
    /// <summary>What RunInstances launches when a template names no type.</summary>
    public const string DefaultType = "m1.small";

    private static readonly FrozenDictionary<string, InstanceTypeInfo> Table = new InstanceTypeInfo[]
    {
        new("m1.small", 1, 0.044),
        new("t2.nano", 1, 0.0058), new("t2.micro", 1, 0.0116), new("t2.small", 1, 0.023), new("t2.medium", 2, 0.0464),
        new("t2.large", 2, 0.0928), new("t2.xlarge", 4, 0.1856), new("t2.2xlarge", 8, 0.3712),
        new("t3.nano", 2, 0.0052), new("t3.micro", 2, 0.0104), new("t3.small", 2, 0.0208), new("t3.medium", 2, 0.0416),
        new("t3.large", 2, 0.0832), new("t3.xlarge", 4, 0.1664), new("t3.2xlarge", 8, 0.3328),
        new("t3a.nano", 2, 0.0047), new("t3a.micro", 2, 0.0094), new("t3a.small", 2, 0.0188), new("t3a.medium", 2, 0.0376),
        new("t3a.large", 2, 0.0752), new("t3a.xlarge", 4, 0.1504), new("t3a.2xlarge", 8, 0.3008),
        new("t4g.nano", 2, 0.0042), new("t4g.micro", 2, 0.0084), new("t4g.small", 2, 0.0168), new("t4g.medium", 2, 0.0336),
        new("t4g.large", 2, 0.0672), new("t4g.xlarge", 4, 0.1344), new("t4g.2xlarge", 8, 0.2688),
        new("m5.large", 2, 0.096), new("m5.xlarge", 4, 0.192), new("m5.2xlarge", 8, 0.384), new("m5.4xlarge", 16, 0.768),
        new("m5.8xlarge", 32, 1.536), new("m5.12xlarge", 48, 2.304), new("m5.16xlarge", 64, 3.072), new("m5.24xlarge", 96, 4.608),
        new("m6i.large", 2, 0.096), new("m6i.xlarge", 4, 0.192), new("m6i.2xlarge", 8, 0.384), new("m6i.4xlarge", 16, 0.768),
        new("m6i.8xlarge", 32, 1.536), new("m6i.12xlarge", 48, 2.304), new("m6i.16xlarge", 64, 3.072), new("m6i.24xlarge", 96, 4.608),
        new("m6i.32xlarge", 128, 6.144),
        new("m7i.large", 2, 0.1008), new("m7i.xlarge", 4, 0.2016), new("m7i.2xlarge", 8, 0.4032), new("m7i.4xlarge", 16, 0.8064),
        new("c5.large", 2, 0.085), new("c5.xlarge", 4, 0.17), new("c5.2xlarge", 8, 0.34), new("c5.4xlarge", 16, 0.68),
        new("c5.9xlarge", 36, 1.53), new("c5.12xlarge", 48, 2.04), new("c5.18xlarge", 72, 3.06), new("c5.24xlarge", 96, 4.08),
        new("c6i.large", 2, 0.085), new("c6i.xlarge", 4, 0.17), new("c6i.2xlarge", 8, 0.34), new("c6i.4xlarge", 16, 0.68),
        new("c6i.8xlarge", 32, 1.36), new("c6i.12xlarge", 48, 2.04), new("c6i.16xlarge", 64, 2.72), new("c6i.24xlarge", 96, 4.08),
        new("r5.large", 2, 0.126), new("r5.xlarge", 4, 0.252), new("r5.2xlarge", 8, 0.504), new("r5.4xlarge", 16, 1.008),
        new("r5.8xlarge", 32, 2.016), new("r5.12xlarge", 48, 3.024), new("r5.16xlarge", 64, 4.032), new("r5.24xlarge", 96, 6.048),
        new("r6i.large", 2, 0.126), new("r6i.xlarge", 4, 0.252), new("r6i.2xlarge", 8, 0.504), new("r6i.4xlarge", 16, 1.008),
        new("r6i.8xlarge", 32, 2.016), new("r6i.12xlarge", 48, 3.024), new("r6i.16xlarge", 64, 4.032), new("r6i.24xlarge", 96, 6.048),
    }.ToFrozenDictionary(info => info.Name, StringComparer.Ordinal);

    /// <summary>All listed types (for documentation and the UI).</summary>
    public static IEnumerable<InstanceTypeInfo> Listed => Table.Values.OrderBy(t => t.Name, StringComparer.Ordinal);

    public static bool TryGetListed(string name, out InstanceTypeInfo info) => Table.TryGetValue(name, out info!);

    /// <summary>
    /// The type's size and price: listed, or estimated from the size name (large = 2 vCPUs, doubling per
    /// step) at the m5 price per vCPU, so <c>x9z.4xlarge</c> costs something plausible.
    /// </summary>
    public static InstanceTypeInfo Resolve(string? name)
    {
        name = string.IsNullOrWhiteSpace(name) ? DefaultType : name.Trim();
        if (Table.TryGetValue(name, out var listed))
        {
            return listed;
        }
        var size = name.Contains('.') ? name[(name.IndexOf('.') + 1)..] : name;
        var vcpus = size switch
        {
            "nano" or "micro" or "small" or "medium" or "large" => 2,
            "xlarge" => 4,
            "metal" => 96,
            _ when size.EndsWith("xlarge", StringComparison.Ordinal)
                && int.TryParse(size.AsSpan(0, size.Length - "xlarge".Length), out var multiple) => 4 * multiple,
            _ => 2,
        };
        return new InstanceTypeInfo(name, vcpus, Math.Round(vcpus * 0.048, 4));
    }
}
