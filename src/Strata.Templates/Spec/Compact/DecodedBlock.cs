using System.Text;

namespace Strata.Templates.Spec.Compact;

/// <summary>An inflated block: its string table and the type records after it.</summary>
internal sealed class DecodedBlock
{
    private readonly byte[] _raw;
    private readonly int _recordsStart;

    public DecodedBlock(byte[] raw)
    {
        _raw = raw;
        var reader = new ByteReader(raw);
        var count = reader.ReadVarInt();
        if (count > raw.Length)
        {
            throw new InvalidDataException($"string table claims {count} strings in {raw.Length} bytes");
        }
        var starts = new int[count];
        var lengths = new int[count];
        for (var i = 0; i < count; i++)
        {
            lengths[i] = reader.ReadVarInt();
            starts[i] = reader.Position;
            reader.ReadBytes(lengths[i]);
        }
        _recordsStart = reader.Position;
        Strings = new BlockStrings(raw, starts, lengths);
    }

    public ReadOnlySpan<byte> Records => _raw.AsSpan(_recordsStart);

    public BlockStrings Strings { get; }
}

/// <summary>
/// A block's string table, decoded one string at a time: a lookup needs a few hundred of a block's
/// thousands of strings, so decoding all of them up front would dominate the cost of a first lookup.
/// </summary>
internal sealed class BlockStrings(byte[] raw, int[] starts, int[] lengths)
{
    private readonly string?[] _decoded = new string?[starts.Length];

    public int Count => starts.Length;

    // A race may decode one string twice; either copy is correct, and the cache keeps one of them.
    public string this[int index] => _decoded[index] ??= Encoding.UTF8.GetString(raw, starts[index], lengths[index]);
}
