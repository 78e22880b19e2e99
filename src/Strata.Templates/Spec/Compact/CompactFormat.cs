namespace Strata.Templates.Spec.Compact;

/// <summary>
/// Layout of <c>resource-spec.bin</c>, shared by <see cref="CompactSpecWriter"/> and the readers.
/// <code>
/// header   magic "STRSPEC1" | u16 format version | u16 reserved | i32 index length (compressed) | i32 index length (raw)
/// index    Brotli: str package | str version | varint blocks, each (varint offset, varint compressed length, varint raw length)
///          | varint types, each (str name, varint block, varint offset in the block's records), names in ordinal order
/// blocks   Brotli each, offsets relative to the end of the index:
///          varint strings, each (varint utf-8 length, bytes) | type records (see CompactTypeEncoder)
/// </code>
/// Types are grouped into blocks of a few tens of KB so one lookup inflates one block, not the whole file,
/// and each block carries its own string table so it decodes without any other block.
/// Every integer is an unsigned LEB128 varint unless noted; a "str" inside a block is an index into that
/// block's string table, while index strings are stored inline.
/// </summary>
internal static class CompactFormat
{
    public static ReadOnlySpan<byte> Magic => "STRSPEC1"u8;

    public const ushort FormatVersion = 1;

    public const int HeaderLength = 20;

    // Type codes: 0..8 are PrimitiveKind values; the high bit marks "followed by allowed values".
    public const byte AllowedValuesFlag = 0x80;
    public const byte ListCode = 0x10;
    public const byte MapCode = 0x11;
    public const byte NamedCode = 0x12;
    public const byte UnionCode = 0x13;
    public const byte TagCode = 0x14;

    // Property flags; bits 4-5 hold the Replacement value.
    public const byte PropertyRequired = 0x01;
    public const byte PropertyDeprecated = 0x02;
    public const byte HasDeclaredType = 0x04;
    public const int ReplacementShift = 4;

    // Resource flags.
    public const byte ResourceHasTags = 0x01;
    public const byte ResourceStateful = 0x02;
    public const byte ResourceHasArnTemplate = 0x04;
    public const byte ResourceHasTransform = 0x08;
    public const byte ResourceHasRefIdentifier = 0x10;
    public const byte ResourceHasReplacementPaths = 0x20;
}
