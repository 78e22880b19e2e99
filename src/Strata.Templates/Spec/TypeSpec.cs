using System.Text;

namespace Strata.Templates.Spec;

/// <summary>
/// The type of a property or attribute value: a closed hierarchy of
/// <see cref="PrimitiveTypeSpec"/>, <see cref="ListTypeSpec"/>, <see cref="MapTypeSpec"/>,
/// <see cref="NamedTypeSpec"/>, <see cref="UnionTypeSpec"/> and <see cref="TagTypeSpec"/>.
/// Equality is structural, so two decodings of the same type compare equal.
/// </summary>
public abstract record TypeSpec
{
    private protected TypeSpec()
    {
    }

    // Shared instances: most properties are plain scalars, so decoding reuses these instead of allocating.
    public static PrimitiveTypeSpec String { get; } = new(PrimitiveKind.String);
    public static PrimitiveTypeSpec Integer { get; } = new(PrimitiveKind.Integer);
    public static PrimitiveTypeSpec Long { get; } = new(PrimitiveKind.Long);
    public static PrimitiveTypeSpec Number { get; } = new(PrimitiveKind.Number);
    public static PrimitiveTypeSpec Boolean { get; } = new(PrimitiveKind.Boolean);
    public static PrimitiveTypeSpec Json { get; } = new(PrimitiveKind.Json);
    public static PrimitiveTypeSpec Timestamp { get; } = new(PrimitiveKind.Timestamp);
    public static PrimitiveTypeSpec Null { get; } = new(PrimitiveKind.Null);
    public static PrimitiveTypeSpec Any { get; } = new(PrimitiveKind.Any);
    public static TagTypeSpec Tag => TagTypeSpec.Instance;

    /// <summary>The shared instance for a primitive kind without allowed values.</summary>
    public static PrimitiveTypeSpec Primitive(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.String => String,
        PrimitiveKind.Integer => Integer,
        PrimitiveKind.Long => Long,
        PrimitiveKind.Number => Number,
        PrimitiveKind.Boolean => Boolean,
        PrimitiveKind.Json => Json,
        PrimitiveKind.Timestamp => Timestamp,
        PrimitiveKind.Null => Null,
        PrimitiveKind.Any => Any,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown primitive kind"),
    };
}

/// <summary>A scalar; <see cref="AllowedValues"/> is the db's enumeration for it, or null when unrestricted.</summary>
public sealed record PrimitiveTypeSpec(PrimitiveKind Kind, IReadOnlyList<string>? AllowedValues = null) : TypeSpec
{
    public bool Equals(PrimitiveTypeSpec? other) =>
        other is not null && Kind == other.Kind && SequenceEquality.Equal(AllowedValues, other.AllowedValues);

    public override int GetHashCode() => HashCode.Combine(Kind, SequenceEquality.Hash(AllowedValues));

    public override string ToString() => AllowedValues is null
        ? Kind.ToString()
        : $"{Kind}[{string.Join('|', AllowedValues)}]";
}

/// <summary>A JSON array whose items are all of <see cref="Item"/>.</summary>
public sealed record ListTypeSpec(TypeSpec Item) : TypeSpec
{
    public override string ToString() => $"List<{Item}>";
}

/// <summary>A JSON object with arbitrary string keys whose values are all of <see cref="Value"/>.</summary>
public sealed record MapTypeSpec(TypeSpec Value) : TypeSpec
{
    public override string ToString() => $"Map<{Value}>";
}

/// <summary>A structured object described by <see cref="ResourceTypeSpec.PropertyTypes"/>[<see cref="Name"/>] of the same resource.</summary>
public sealed record NamedTypeSpec(string Name) : TypeSpec
{
    public override string ToString() => Name;
}

/// <summary>A value that may take any one of <see cref="Types"/> (in the db's order).</summary>
public sealed record UnionTypeSpec(IReadOnlyList<TypeSpec> Types) : TypeSpec
{
    public bool Equals(UnionTypeSpec? other) => other is not null && SequenceEquality.Equal(Types, other.Types);

    public override int GetHashCode() => SequenceEquality.Hash(Types);

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var type in Types)
        {
            text.Append(text.Length == 0 ? "" : " | ").Append(type);
        }
        return text.ToString();
    }
}

/// <summary>
/// The db's built-in tag type: an object <c>{ "Key": String, "Value": String }</c>, both required.
/// It is not a named property type of the resource, so it has its own case.
/// </summary>
public sealed record TagTypeSpec : TypeSpec
{
    public static TagTypeSpec Instance { get; } = new();

    /// <summary>The tag object's shape, for validating it like any structured type.</summary>
    public static IReadOnlyDictionary<string, PropertySpec> Properties { get; } = new Dictionary<string, PropertySpec>(StringComparer.Ordinal)
    {
        ["Key"] = new("Key", String, String, required: true, Replacement.Mutable, deprecated: false),
        ["Value"] = new("Value", String, String, required: true, Replacement.Mutable, deprecated: false),
    }.AsReadOnly();

    private TagTypeSpec()
    {
    }

    public override string ToString() => "Tag";
}

/// <summary>Order-sensitive equality for the list members of the type records.</summary>
internal static class SequenceEquality
{
    public static bool Equal<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }
        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }
        return true;
    }

    public static int Hash<T>(IReadOnlyList<T>? items)
    {
        if (items is null)
        {
            return 0;
        }
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }
}
