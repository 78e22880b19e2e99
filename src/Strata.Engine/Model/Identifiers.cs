using System.Buffers.Binary;

namespace Strata.Engine.Model;

/// <summary>
/// Unique identifiers for records, journal entries and events, in the formats of <see cref="Guid.NewGuid"/> (version 4)
/// and <see cref="Guid.CreateVersion7(DateTimeOffset)"/>. Those draw from the operating system's cryptographic source,
/// which on Linux is a system call per identifier; an up makes four per resource, and inside the state store's
/// transactions they were close to a tenth of its time. These identifiers must be unique, not unpredictable: 74 or
/// more random bits from <see cref="Random.Shared"/> (seeded per thread from the system's source) are.
/// </summary>
internal static class Identifiers
{
    /// <summary>A random (version 4) identifier.</summary>
    public static Guid NewRandom()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        return WithVersion(bytes, 4);
    }

    /// <summary>A time-ordered (version 7) identifier: milliseconds since 1970 first, so later ones sort after earlier ones.</summary>
    public static Guid NewTimeOrdered(DateTimeOffset time)
    {
        var milliseconds = time.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(time));
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        Span<byte> stamp = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(stamp, milliseconds);
        stamp[2..].CopyTo(bytes);
        return WithVersion(bytes, 7);
    }

    /// <summary>Sets the version nibble and the RFC 9562 variant bits of big-endian <paramref name="bytes"/>.</summary>
    private static Guid WithVersion(Span<byte> bytes, int version)
    {
        bytes[6] = (byte)((bytes[6] & 0x0F) | (version << 4));
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
