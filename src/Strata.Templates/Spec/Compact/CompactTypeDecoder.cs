using System.Collections.ObjectModel;

namespace Strata.Templates.Spec.Compact;

/// <summary>Reads one resource type record of a block (the inverse of <see cref="CompactTypeEncoder"/>).</summary>
internal ref struct CompactTypeDecoder
{
    private static readonly ReadOnlyCollection<string> NoStrings = ReadOnlyCollection<string>.Empty;

    private ByteReader _reader;
    private readonly BlockStrings _strings;

    public CompactTypeDecoder(ReadOnlySpan<byte> records, int offset, BlockStrings strings)
    {
        _reader = new ByteReader(records, offset);
        _strings = strings;
    }

    public ResourceTypeSpec ReadResource(string name)
    {
        var flags = _reader.ReadByte();
        TagInformation? tags = null;
        if ((flags & CompactFormat.ResourceHasTags) != 0)
        {
            var tagProperty = ReadString();
            var variant = _reader.ReadByte();
            if (variant > (byte)TagVariant.Map)
            {
                throw new InvalidDataException($"unknown tag variant {variant}");
            }
            tags = new TagInformation(tagProperty, (TagVariant)variant);
        }
        var arnTemplate = (flags & CompactFormat.ResourceHasArnTemplate) != 0 ? ReadString() : null;
        var transform = (flags & CompactFormat.ResourceHasTransform) != 0 ? ReadString() : null;
        var refIdentifier = (flags & CompactFormat.ResourceHasRefIdentifier) != 0 ? ReadStrings() : null;
        IReadOnlyList<IReadOnlyList<string>>? replacementPaths = null;
        if ((flags & CompactFormat.ResourceHasReplacementPaths) != 0)
        {
            var paths = new IReadOnlyList<string>[_reader.ReadVarInt()];
            for (var i = 0; i < paths.Length; i++)
            {
                paths[i] = ReadStrings();
            }
            replacementPaths = Array.AsReadOnly(paths);
        }

        var primaryIdentifier = ReadStrings();
        var propertyTypeCount = _reader.ReadVarInt();
        var propertyTypes = new Dictionary<string, PropertyTypeSpec>(propertyTypeCount, StringComparer.Ordinal);
        for (var i = 0; i < propertyTypeCount; i++)
        {
            var typeName = ReadString();
            propertyTypes.Add(typeName, new PropertyTypeSpec(typeName, ReadProperties()));
        }
        var properties = ReadProperties();
        var attributeCount = _reader.ReadVarInt();
        var attributes = new Dictionary<string, AttributeSpec>(attributeCount, StringComparer.Ordinal);
        for (var i = 0; i < attributeCount; i++)
        {
            var attributeName = ReadString();
            var (type, declaredType, _) = ReadTypes();
            attributes.Add(attributeName, new AttributeSpec(attributeName, type, declaredType));
        }

        var details = new ResourceTypeDetails(tags, refIdentifier, arnTemplate,
            (flags & CompactFormat.ResourceStateful) != 0, transform, replacementPaths);
        return new ResourceTypeSpec(name, properties, attributes.AsReadOnly(), primaryIdentifier,
            propertyTypes.AsReadOnly(), details);
    }

    private IReadOnlyDictionary<string, PropertySpec> ReadProperties()
    {
        var count = _reader.ReadVarInt();
        var properties = new Dictionary<string, PropertySpec>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = ReadString();
            var (type, declaredType, flags) = ReadTypes();
            var replacement = (flags >> CompactFormat.ReplacementShift) & 0x3;
            if (replacement > (int)Replacement.Conditional)
            {
                throw new InvalidDataException($"property {name}: unknown replacement value {replacement}");
            }
            properties.Add(name, new PropertySpec(name, type, declaredType,
                (flags & CompactFormat.PropertyRequired) != 0, (Replacement)replacement,
                (flags & CompactFormat.PropertyDeprecated) != 0));
        }
        return properties.AsReadOnly();
    }

    private (TypeSpec Type, TypeSpec DeclaredType, byte Flags) ReadTypes()
    {
        var flags = _reader.ReadByte();
        var type = ReadType();
        var declaredType = (flags & CompactFormat.HasDeclaredType) != 0 ? ReadType() : type;
        return (type, declaredType, flags);
    }

    private TypeSpec ReadType()
    {
        var code = _reader.ReadByte();
        switch (code)
        {
            case CompactFormat.ListCode:
                return new ListTypeSpec(ReadType());
            case CompactFormat.MapCode:
                return new MapTypeSpec(ReadType());
            case CompactFormat.NamedCode:
                return new NamedTypeSpec(ReadString());
            case CompactFormat.TagCode:
                return TypeSpec.Tag;
            case CompactFormat.UnionCode:
                var members = new TypeSpec[_reader.ReadVarInt()];
                for (var i = 0; i < members.Length; i++)
                {
                    members[i] = ReadType();
                }
                return new UnionTypeSpec(Array.AsReadOnly(members));
        }
        var kind = code & ~CompactFormat.AllowedValuesFlag;
        if (kind > (int)PrimitiveKind.Any)
        {
            throw new InvalidDataException($"unknown type code 0x{code:x2} at byte {_reader.Position - 1}");
        }
        return (code & CompactFormat.AllowedValuesFlag) == 0
            ? TypeSpec.Primitive((PrimitiveKind)kind)
            : new PrimitiveTypeSpec((PrimitiveKind)kind, ReadStrings());
    }

    private ReadOnlyCollection<string> ReadStrings()
    {
        var count = _reader.ReadVarInt();
        if (count == 0)
        {
            return NoStrings;
        }
        var values = new string[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ReadString();
        }
        return Array.AsReadOnly(values);
    }

    private string ReadString()
    {
        var index = _reader.ReadVarInt();
        if (index >= _strings.Count)
        {
            throw new InvalidDataException($"string index {index} outside the block's table of {_strings.Count}");
        }
        return _strings[index];
    }
}
