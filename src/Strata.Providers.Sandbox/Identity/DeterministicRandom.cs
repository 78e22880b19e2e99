using System.Security.Cryptography;
using System.Text;

namespace Strata.Providers.Sandbox.Identity;

/// <summary>
/// A random stream derived from the cloud's seed and a scope string (type, stack, logical id,
/// generation…). Hashing the scope rather than drawing from one shared sequence keeps generated values
/// independent of the order in which parallel requests arrive, so a seeded cloud is reproducible even
/// when the engine creates resources concurrently. SHA-256 in counter mode: stable across .NET versions.
/// </summary>
internal sealed class DeterministicRandom
{
    private const string LowerHex = "0123456789abcdef";
    private const string UpperAlphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly byte[] _key;
    private byte[] _block = [];
    private int _position;
    private long _counter;

    public DeterministicRandom(long seed, string scope)
    {
        _key = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\n{scope}"));
    }

    public byte NextByte()
    {
        if (_position >= _block.Length)
        {
            var input = new byte[_key.Length + sizeof(long)];
            _key.CopyTo(input, 0);
            BitConverter.TryWriteBytes(input.AsSpan(_key.Length), _counter++);
            _block = SHA256.HashData(input);
            _position = 0;
        }
        return _block[_position++];
    }

    /// <summary>A uniform integer in [0, exclusiveMax).</summary>
    public int Next(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        var value = ((ulong)NextUInt32() << 32) | NextUInt32();
        return (int)(value % (ulong)exclusiveMax);
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt32() >> 5) * (1.0 / (1 << 27));

    public string Hex(int length) => Draw(LowerHex, length);

    public string UpperAlnum(int length) => Draw(UpperAlphanumeric, length);

    public string LowerAlnum(int length) => Draw(LowerAlphanumeric, length);

    public string Digits(int length) => Draw("0123456789", length);

    public string Draw(string alphabet, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[Next(alphabet.Length)]);
        }
        return text.ToString();
    }

    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = NextByte();
        }
        // Version 4, RFC 4122 variant, like the UUIDs AWS hands out (KMS key ids).
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private uint NextUInt32() =>
        (uint)(NextByte() | (NextByte() << 8) | (NextByte() << 16) | (NextByte() << 24));
}
