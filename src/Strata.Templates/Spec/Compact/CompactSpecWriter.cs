using System.IO.Compression;

namespace Strata.Templates.Spec.Compact;

/// <summary>Where a compact spec came from; recorded in the file so a stale one can be detected.</summary>
internal sealed record SpecSource(string Package, string Version);

/// <summary>Serialises resource types into the compact format described by <see cref="CompactFormat"/>.</summary>
internal static class CompactSpecWriter
{
    // Raw bytes (strings + records) per block before it is closed: a lookup inflates ~64 KB (~0.2 ms), and
    // Brotli still finds the repetition between neighbouring types of one service (1 block: 316 KiB, 16: 377 KiB).
    public const int DefaultBlockTarget = 64 * 1024;

    private const int BrotliQuality = 11;
    private const int BrotliWindowBits = 22;

    public static byte[] Write(IEnumerable<ResourceTypeSpec> types, SpecSource source, int blockTarget = DefaultBlockTarget)
    {
        var sorted = types.OrderBy(type => type.Name, StringComparer.Ordinal).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Name == sorted[i - 1].Name)
            {
                throw new ArgumentException($"resource type {sorted[i].Name} appears twice", nameof(types));
            }
        }

        var blocks = new ByteWriter();
        var blockEntries = new List<(int Offset, int CompressedLength, int RawLength)>();
        var typeEntries = new List<(string Name, int Block, int Offset)>();
        var strings = new BlockStringTable();
        var records = new ByteWriter();

        void CloseBlock()
        {
            var raw = new ByteWriter();
            strings.WriteTo(raw);
            raw.WriteBytes(records.WrittenSpan);
            var compressed = Compress(raw.WrittenSpan);
            blockEntries.Add((blocks.Length, compressed.Length, raw.Length));
            blocks.WriteBytes(compressed);
            strings = new BlockStringTable();
            records = new ByteWriter();
        }

        foreach (var type in sorted)
        {
            typeEntries.Add((type.Name, blockEntries.Count, records.Length));
            new CompactTypeEncoder(records, strings).WriteResource(type);
            if (records.Length + strings.ApproximateByteLength >= blockTarget)
            {
                CloseBlock();
            }
        }
        if (records.Length > 0)
        {
            CloseBlock();
        }

        var index = new ByteWriter();
        index.WriteString(source.Package);
        index.WriteString(source.Version);
        index.WriteVarInt(blockEntries.Count);
        foreach (var (offset, compressedLength, rawLength) in blockEntries)
        {
            index.WriteVarInt(offset);
            index.WriteVarInt(compressedLength);
            index.WriteVarInt(rawLength);
        }
        index.WriteVarInt(typeEntries.Count);
        foreach (var (name, block, offset) in typeEntries)
        {
            index.WriteString(name);
            index.WriteVarInt(block);
            index.WriteVarInt(offset);
        }
        var compressedIndex = Compress(index.WrittenSpan);

        var file = new ByteWriter();
        file.WriteBytes(CompactFormat.Magic);
        file.WriteUInt16(CompactFormat.FormatVersion);
        file.WriteUInt16(0);
        file.WriteInt32(compressedIndex.Length);
        file.WriteInt32(index.Length);
        file.WriteBytes(compressedIndex);
        file.WriteBytes(blocks.WrittenSpan);
        return file.WrittenSpan.ToArray();
    }

    private static byte[] Compress(ReadOnlySpan<byte> raw)
    {
        var destination = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        if (!BrotliEncoder.TryCompress(raw, destination, out var written, BrotliQuality, BrotliWindowBits))
        {
            throw new InvalidOperationException("Brotli compression failed");
        }
        return destination.AsSpan(0, written).ToArray();
    }
}
