using System.Text;

namespace Strata.Providers.Aws.Signing;

/// <summary>
/// Percent-encoding as SigV4 defines it (RFC 3986: only A-Z a-z 0-9 - _ . ~ stay as they are, everything
/// else becomes %XX of its UTF-8 bytes, upper-case hex). .NET's Uri.EscapeDataString is close but
/// not guaranteed to match byte for byte, so signing uses this one.
/// </summary>
public static class AwsUriEncoding
{
    public static string Encode(string value, bool keepSlashes = false)
    {
        if (IsAllUnreserved(value, keepSlashes)) return value;
        var bytes = Encoding.UTF8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            var c = (char)b;
            if (IsUnreserved(c) || (keepSlashes && c == '/'))
                builder.Append(c);
            else
                builder.Append('%').Append(HexUpper[b >> 4]).Append(HexUpper[b & 0xF]);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Decodes %XX sequences (as UTF-8). A '+' stays a '+': AWS canonicalisation does not treat it as a space,
    /// and Strata never sends one for a space.
    /// </summary>
    public static string Decode(string value)
    {
        if (value.IndexOf('%') < 0) return value;
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.Add((byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2])));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    public static bool IsUnreserved(char c) =>
        c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~';

    private static bool IsAllUnreserved(string value, bool keepSlashes)
    {
        foreach (var c in value)
            if (!IsUnreserved(c) && !(keepSlashes && c == '/')) return false;
        return true;
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    private static int HexValue(char c) => c <= '9' ? c - '0' : (char.ToUpperInvariant(c) - 'A' + 10);

    private const string HexUpper = "0123456789ABCDEF";
}
