using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace Strata.Templates.Functions;

/// <summary>
/// The address arithmetic behind <c>Fn::Cidr</c>: carve <c>count</c> consecutive subnets with
/// <c>cidrBits</c> host bits each out of an IPv4 or IPv6 block, starting at the block's network address.
/// </summary>
public static class CidrMath
{
    /// <summary>The subnets, or an error message saying why they cannot be carved.</summary>
    public static bool TrySplit(string ipBlock, int count, int cidrBits, out IReadOnlyList<string> subnets, out string error)
    {
        subnets = [];
        error = "";
        var slash = ipBlock.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0
            || !IPAddress.TryParse(ipBlock.AsSpan(0, slash), out var address)
            || !int.TryParse(ipBlock.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix))
        {
            error = $"'{ipBlock}' is not a CIDR block such as 10.0.0.0/16 or 2001:db8::/56";
            return false;
        }

        var isV4 = address.AddressFamily == AddressFamily.InterNetwork;
        var width = isV4 ? 32 : 128;
        if (prefix < 0 || prefix > width)
        {
            error = $"'{ipBlock}' has prefix length {prefix}; it must be 0..{width}";
            return false;
        }

        if (count < 1 || count > 256)
        {
            error = $"the count {count} must be 1..256";
            return false;
        }

        var subnetPrefix = width - cidrBits;
        if (cidrBits < 1 || subnetPrefix < prefix)
        {
            error = $"cidrBits {cidrBits} must be 1..{width - prefix} for a /{prefix} block (each subnet gets {cidrBits} host bits)";
            return false;
        }

        var available = BigInteger.One << (subnetPrefix - prefix);
        if (count > available)
        {
            error = $"a /{prefix} block holds only {available} subnet(s) of /{subnetPrefix}, not {count}";
            return false;
        }

        var bytes = address.GetAddressBytes();
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var hostMask = (BigInteger.One << (width - prefix)) - 1;
        var network = value & ~hostMask & ((BigInteger.One << width) - 1);
        var step = BigInteger.One << cidrBits;
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = Format(network + (step * i), bytes.Length) + "/" + subnetPrefix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        subnets = result;
        return true;
    }

    private static string Format(BigInteger value, int byteCount)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var bytes = new byte[byteCount];
        Array.Copy(raw, 0, bytes, byteCount - raw.Length, raw.Length);
        return new IPAddress(bytes).ToString();
    }
}
