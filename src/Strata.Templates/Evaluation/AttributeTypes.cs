using Strata.Templates.Spec;
using Strata.Templates.Values;

namespace Strata.Templates.Evaluation;

/// <summary>What kind of value a resource attribute holds, for typing the unknown an <c>Fn::GetAtt</c> yields.</summary>
public interface IAttributeTypes
{
    ExpectedKind KindOf(string resourceType, string attribute);
}

/// <summary>
/// Attribute kinds from the embedded resource specification, falling back to well-known list
/// attributes when the type is not in it (custom and third-party types) or the specification cannot be loaded.
/// </summary>
public sealed class SpecAttributeTypes : IAttributeTypes
{
    public static readonly SpecAttributeTypes Instance = new();

    // Attributes that are lists on the types that have them; used when the spec cannot answer.
    private static readonly HashSet<string> WellKnownLists = new(StringComparer.Ordinal)
    {
        "Ipv6CidrBlocks", "CidrBlockAssociations", "DnsEntries", "NetworkInterfaceIds", "NameServers",
        "SecondaryPrivateIpAddresses", "Ipv6Addresses", "DefaultSecurityGroups", "SecurityGroups",
    };

    private readonly Lazy<ResourceSpecification?> _spec = new(LoadSpecification);

    public ExpectedKind KindOf(string resourceType, string attribute)
    {
        if (_spec.Value is { } spec
            && spec.TryGetType(resourceType, out var type)
            && type.Attributes.TryGetValue(attribute, out var attr))
        {
            return KindOf(attr.Type);
        }

        if (attribute.StartsWith("Outputs.", StringComparison.Ordinal))
        {
            return ExpectedKind.String;
        }

        return WellKnownLists.Contains(attribute) ? ExpectedKind.List : ExpectedKind.String;
    }

    private static ExpectedKind KindOf(TypeSpec type) => type switch
    {
        ListTypeSpec => ExpectedKind.List,
        MapTypeSpec or NamedTypeSpec or TagTypeSpec => ExpectedKind.Map,
        PrimitiveTypeSpec p => p.Kind switch
        {
            PrimitiveKind.String or PrimitiveKind.Timestamp => ExpectedKind.String,
            PrimitiveKind.Integer or PrimitiveKind.Long or PrimitiveKind.Number => ExpectedKind.Number,
            PrimitiveKind.Boolean => ExpectedKind.Boolean,
            _ => ExpectedKind.Any,
        },
        _ => ExpectedKind.Any,
    };

    private static ResourceSpecification? LoadSpecification()
    {
        try
        {
            return ResourceSpecification.Default;
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or IOException or EndOfStreamException or FormatException or ArgumentException)
        {
            // Without the embedded specification, GetAtt results are typed by name (most are strings).
            return null;
        }
    }
}
