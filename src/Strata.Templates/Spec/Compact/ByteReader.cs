using System.Text;

namespace Strata.Templates.Spec.Compact;

/// <summary>A forward-only cursor over bytes written by <see cref="ByteWriter"/>; overruns raise <see cref="InvalidDataException"/>.</summary>
internal ref struct ByteReader
{
    private readonly ReadOnlySpan<byte> _data;

    public ByteReader(ReadOnlySpan<byte> data, int position = 0)
    {
        _data = data;
        Position = position;
    }

    public int Position { get; private set; }

    public readonly bool AtEnd => Position >= _data.Length;

    public byte ReadByte()
    {
        if (Position >= _data.Length)
        {
            throw Truncated();
        }
        return _data[Position++];
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > _data.Length - Position)
        {
            throw Truncated();
        }
        var bytes = _data.Slice(Position, count);
        Position += count;
        return bytes;
    }

    public uint ReadVarUInt()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var next = ReadByte();
            value |= (uint)(next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                return value;
            }
        }
        throw new InvalidDataException($"malformed number at byte {Position}");
    }

    public int ReadVarInt()
    {
        var value = ReadVarUInt();
        if (value > int.MaxValue)
        {
            throw new InvalidDataException($"number out of range at byte {Position}");
        }
        return (int)value;
    }

    public ushort ReadUInt16() => (ushort)(ReadByte() | (ReadByte() << 8));

    public int ReadInt32() => ReadUInt16() | (ReadUInt16() << 16);

    /// <summary>Reads a length-prefixed UTF-8 string.</summary>
    public string ReadString() => Encoding.UTF8.GetString(ReadBytes(ReadVarInt()));

    private readonly InvalidDataException Truncated() =>
        new($"unexpected end of data at byte {Position} of {_data.Length}");
}
