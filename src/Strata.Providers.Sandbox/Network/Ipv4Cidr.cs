using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace Strata.Providers.Sandbox.Network;

/// <summary>An IPv4 block such as <c>10.0.1.0/24</c>.</summary>
internal readonly record struct Ipv4Cidr(uint Network, int PrefixLength)
{
    public ulong Size => 1UL << (32 - PrefixLength);

    public uint Mask => PrefixLength == 0 ? 0 : uint.MaxValue << (32 - PrefixLength);

    public bool Contains(uint address) => (address & Mask) == Network;

    /// <summary>Whether all of <paramref name="other"/> lies inside this block.</summary>
    public bool Covers(Ipv4Cidr other) => other.PrefixLength >= PrefixLength && Contains(other.Network);

    public bool Overlaps(Ipv4Cidr other) => Contains(other.Network) || other.Contains(Network);

    public static bool TryParse(string? text, [NotNullWhen(true)] out Ipv4Cidr? cidr)
    {
        cidr = null;
        var slash = text?.IndexOf('/') ?? -1;
        if (text is null || slash < 0
            || !int.TryParse(text.AsSpan(slash + 1), out var prefix) || prefix is < 0 or > 32
            || !TryParseAddress(text[..slash], out var address))
        {
            return false;
        }
        var block = new Ipv4Cidr(0, prefix);
        cidr = block with { Network = address & block.Mask };
        return true;
    }

    public static bool TryParseAddress(string? text, out uint address)
    {
        address = 0;
        if (text is null || text.Count(c => c == '.') != 3
            || !IPAddress.TryParse(text, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }
        var bytes = ip.GetAddressBytes();
        address = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        return true;
    }

    public static string Format(uint address) =>
        $"{address >> 24}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}";

    public override string ToString() => $"{Format(Network)}/{PrefixLength}";
}
