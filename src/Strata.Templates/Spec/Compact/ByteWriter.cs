using System.Text;

namespace Strata.Templates.Spec.Compact;

/// <summary>An append-only little-endian buffer with LEB128 varints.</summary>
internal sealed class ByteWriter
{
    private byte[] _buffer = new byte[4096];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[Length++] = value;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    public void WriteVarUInt(uint value)
    {
        while (value >= 0x80)
        {
            WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        WriteByte((byte)value);
    }

    public void WriteVarInt(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        WriteVarUInt((uint)value);
    }

    public void WriteUInt16(ushort value)
    {
        WriteByte((byte)value);
        WriteByte((byte)(value >> 8));
    }

    public void WriteInt32(int value)
    {
        WriteUInt16((ushort)value);
        WriteUInt16((ushort)(value >> 16));
    }

    /// <summary>Writes a length-prefixed UTF-8 string.</summary>
    public void WriteString(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteVarInt(byteCount);
        Ensure(byteCount);
        Length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(Length));
    }

    private void Ensure(int extra)
    {
        if (Length + extra > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + extra));
        }
    }
}
