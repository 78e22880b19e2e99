using System.Text;

namespace Strata.Templates.Spec.Compact;

/// <summary>Writes one resource type as a record of a block (the inverse of <see cref="CompactTypeDecoder"/>).</summary>
internal sealed class CompactTypeEncoder(ByteWriter output, BlockStringTable strings)
{
    public void WriteResource(ResourceTypeSpec resource)
    {
        byte flags = 0;
        flags |= resource.TagInformation is null ? (byte)0 : CompactFormat.ResourceHasTags;
        flags |= resource.IsStateful ? CompactFormat.ResourceStateful : (byte)0;
        flags |= resource.ArnTemplate is null ? (byte)0 : CompactFormat.ResourceHasArnTemplate;
        flags |= resource.RequiredTransform is null ? (byte)0 : CompactFormat.ResourceHasTransform;
        flags |= resource.RefIdentifier is null ? (byte)0 : CompactFormat.ResourceHasRefIdentifier;
        flags |= resource.AdditionalReplacementPaths.Count == 0 ? (byte)0 : CompactFormat.ResourceHasReplacementPaths;
        output.WriteByte(flags);

        if (resource.TagInformation is { } tags)
        {
            WriteString(tags.TagPropertyName);
            output.WriteByte((byte)tags.Variant);
        }
        if (resource.ArnTemplate is { } arn)
        {
            WriteString(arn);
        }
        if (resource.RequiredTransform is { } transform)
        {
            WriteString(transform);
        }
        if (resource.RefIdentifier is { } refIdentifier)
        {
            WriteStrings(refIdentifier);
        }
        if (resource.AdditionalReplacementPaths.Count > 0)
        {
            output.WriteVarInt(resource.AdditionalReplacementPaths.Count);
            foreach (var path in resource.AdditionalReplacementPaths)
            {
                WriteStrings(path);
            }
        }

        WriteStrings(resource.PrimaryIdentifier);
        output.WriteVarInt(resource.PropertyTypes.Count);
        foreach (var propertyType in resource.PropertyTypes.Values)
        {
            WriteString(propertyType.Name);
            WriteProperties(propertyType.Properties);
        }
        WriteProperties(resource.Properties);
        output.WriteVarInt(resource.Attributes.Count);
        foreach (var attribute in resource.Attributes.Values)
        {
            WriteString(attribute.Name);
            WriteTypes(attribute.Type, attribute.DeclaredType, flags: 0);
        }
    }

    private void WriteProperties(IReadOnlyDictionary<string, PropertySpec> properties)
    {
        output.WriteVarInt(properties.Count);
        foreach (var property in properties.Values)
        {
            WriteString(property.Name);
            var flags = (byte)((int)property.Replacement << CompactFormat.ReplacementShift);
            flags |= property.Required ? CompactFormat.PropertyRequired : (byte)0;
            flags |= property.Deprecated ? CompactFormat.PropertyDeprecated : (byte)0;
            WriteTypes(property.Type, property.DeclaredType, flags);
        }
    }

    // The declared type is stored only when widening changed it, which is rare (a few hundred of ~50,000).
    private void WriteTypes(TypeSpec type, TypeSpec declaredType, byte flags)
    {
        var hasDeclared = !type.Equals(declaredType);
        output.WriteByte(hasDeclared ? (byte)(flags | CompactFormat.HasDeclaredType) : flags);
        WriteType(type);
        if (hasDeclared)
        {
            WriteType(declaredType);
        }
    }

    private void WriteType(TypeSpec type)
    {
        switch (type)
        {
            case PrimitiveTypeSpec { AllowedValues: null } primitive:
                output.WriteByte((byte)primitive.Kind);
                break;
            case PrimitiveTypeSpec primitive:
                output.WriteByte((byte)((byte)primitive.Kind | CompactFormat.AllowedValuesFlag));
                WriteStrings(primitive.AllowedValues);
                break;
            case ListTypeSpec list:
                output.WriteByte(CompactFormat.ListCode);
                WriteType(list.Item);
                break;
            case MapTypeSpec map:
                output.WriteByte(CompactFormat.MapCode);
                WriteType(map.Value);
                break;
            case NamedTypeSpec named:
                output.WriteByte(CompactFormat.NamedCode);
                WriteString(named.Name);
                break;
            case UnionTypeSpec union:
                output.WriteByte(CompactFormat.UnionCode);
                output.WriteVarInt(union.Types.Count);
                foreach (var member in union.Types)
                {
                    WriteType(member);
                }
                break;
            case TagTypeSpec:
                output.WriteByte(CompactFormat.TagCode);
                break;
            default:
                throw new InvalidOperationException($"cannot encode type {type.GetType().Name}");
        }
    }

    private void WriteStrings(IReadOnlyList<string> values)
    {
        output.WriteVarInt(values.Count);
        foreach (var value in values)
        {
            WriteString(value);
        }
    }

    private void WriteString(string value) => output.WriteVarInt(strings.IndexOf(value));
}

/// <summary>The strings of one block, numbered in order of first use.</summary>
internal sealed class BlockStringTable
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];

    public int Count => _strings.Count;

    /// <summary>Roughly what <see cref="WriteTo"/> will write, so blocks can be cut by their real size.</summary>
    public int ApproximateByteLength { get; private set; }

    public int IndexOf(string value)
    {
        if (!_indexes.TryGetValue(value, out var index))
        {
            index = _strings.Count;
            _indexes.Add(value, index);
            _strings.Add(value);
            ApproximateByteLength += Encoding.UTF8.GetByteCount(value) + 2;
        }
        return index;
    }

    public void WriteTo(ByteWriter output)
    {
        output.WriteVarInt(_strings.Count);
        foreach (var value in _strings)
        {
            output.WriteString(value);
        }
    }
}
