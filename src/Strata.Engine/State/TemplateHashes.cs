using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Strata.Engine.State;

/// <summary>
/// The key a template body is stored under: the SHA-256 of its UTF-8 text, in lowercase hex. A stack's record is
/// rewritten at every status change while its template rarely changes, so the body lives in its own row, once per
/// distinct text (stacks launched from the same template share it), and the stack row holds only this key.
/// </summary>
internal static class TemplateHashes
{
    // A stack record copied with `with` keeps the same body instance: hashing 1.3 MB again at every status change
    // would cost more than the row it saves, so each instance is hashed once.
    private static readonly ConditionalWeakTable<string, string> Known = new();

    public static string Of(string body) => Known.GetValue(body, Compute);

    private static string Compute(string body)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(body.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(body, bytes);
            return Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(0, length)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
