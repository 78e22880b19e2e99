using System.IO.Compression;

namespace Strata.Templates.Spec.Compact;

/// <summary>
/// The parsed header and index of a compact spec, plus lazy, thread-safe access to its blocks.
/// Opening costs one small Brotli inflate (the index); each block is inflated on first use and kept.
/// </summary>
internal sealed class CompactSpecFile
{
    private readonly byte[] _data;
    private readonly int _blocksStart;
    private readonly BlockEntry[] _blockEntries;
    private readonly DecodedBlock?[] _blocks;

    private CompactSpecFile(byte[] data, int blocksStart, SpecSource source, BlockEntry[] blocks, TypeEntry[] types)
    {
        _data = data;
        _blocksStart = blocksStart;
        _blockEntries = blocks;
        _blocks = new DecodedBlock?[blocks.Length];
        Source = source;
        Types = types;
    }

    public SpecSource Source { get; }

    /// <summary>The types in ordinal name order.</summary>
    public TypeEntry[] Types { get; }

    public static CompactSpecFile Parse(byte[] data)
    {
        var header = new ByteReader(data);
        if (data.Length < CompactFormat.HeaderLength || !header.ReadBytes(CompactFormat.Magic.Length).SequenceEqual(CompactFormat.Magic))
        {
            throw new InvalidDataException("not a Strata resource specification (the file does not start with STRSPEC1)");
        }
        var version = header.ReadUInt16();
        if (version != CompactFormat.FormatVersion)
        {
            throw new InvalidDataException(
                $"resource specification format {version} is not supported (this build reads {CompactFormat.FormatVersion}); regenerate it with tools/regen-spec.sh");
        }
        header.ReadUInt16();
        var compressedIndexLength = header.ReadInt32();
        var rawIndexLength = header.ReadInt32();
        var blocksStart = CompactFormat.HeaderLength + compressedIndexLength;
        if (compressedIndexLength < 0 || rawIndexLength < 0 || blocksStart > data.Length)
        {
            throw new InvalidDataException("resource specification index is truncated");
        }
        var rawIndex = Inflate(data.AsSpan(CompactFormat.HeaderLength, compressedIndexLength), rawIndexLength, "index");

        var index = new ByteReader(rawIndex);
        var source = new SpecSource(index.ReadString(), index.ReadString());
        var blocks = new BlockEntry[index.ReadVarInt()];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = new BlockEntry(index.ReadVarInt(), index.ReadVarInt(), index.ReadVarInt());
            if ((long)blocksStart + blocks[i].Offset + blocks[i].CompressedLength > data.Length)
            {
                throw new InvalidDataException($"resource specification block {i} lies outside the file");
            }
        }
        var types = new TypeEntry[index.ReadVarInt()];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = new TypeEntry(index.ReadString(), index.ReadVarInt(), index.ReadVarInt());
            if (types[i].Block >= blocks.Length)
            {
                throw new InvalidDataException($"resource specification index names block {types[i].Block} for {types[i].Name}");
            }
        }
        return new CompactSpecFile(data, blocksStart, source, blocks, types);
    }

    /// <summary>Decodes one type; safe to call from several threads (a race decodes twice, both results are equal).</summary>
    public ResourceTypeSpec DecodeType(TypeEntry entry)
    {
        try
        {
            var block = GetBlock(entry.Block);
            return new CompactTypeDecoder(block.Records, entry.Offset, block.Strings).ReadResource(entry.Name);
        }
        // ArgumentException: a corrupt record can repeat a property name, which the dictionaries reject.
        catch (Exception error) when (error is InvalidDataException or ArgumentException)
        {
            throw new InvalidDataException($"resource specification: cannot decode {entry.Name}: {error.Message}", error);
        }
    }

    private DecodedBlock GetBlock(int number)
    {
        var block = Volatile.Read(ref _blocks[number]);
        if (block is not null)
        {
            return block;
        }
        var entry = _blockEntries[number];
        var raw = Inflate(_data.AsSpan(_blocksStart + entry.Offset, entry.CompressedLength), entry.RawLength, $"block {number}");
        block = new DecodedBlock(raw);
        return Interlocked.CompareExchange(ref _blocks[number], block, null) ?? block;
    }

    private static byte[] Inflate(ReadOnlySpan<byte> compressed, int rawLength, string what)
    {
        var raw = new byte[rawLength];
        if (!BrotliDecoder.TryDecompress(compressed, raw, out var written) || written != rawLength)
        {
            throw new InvalidDataException($"resource specification {what} is corrupt (cannot be decompressed)");
        }
        return raw;
    }

    internal readonly record struct BlockEntry(int Offset, int CompressedLength, int RawLength);

    internal readonly record struct TypeEntry(string Name, int Block, int Offset);
}
