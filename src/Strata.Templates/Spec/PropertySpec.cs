namespace Strata.Templates.Spec;

/// <summary>One property of a resource type or of a nested property type.</summary>
public sealed class PropertySpec
{
    internal PropertySpec(
        string name,
        TypeSpec type,
        TypeSpec declaredType,
        bool required,
        Replacement replacement,
        bool deprecated)
    {
        Name = name;
        Type = type;
        DeclaredType = declaredType;
        Required = required;
        Replacement = replacement;
        Deprecated = deprecated;
        AllowedValues = ScalarAllowedValues(type);
    }

    public string Name { get; }

    /// <summary>
    /// What a template may supply: the current type, widened to a <see cref="UnionTypeSpec"/> with the
    /// property's previous types when the spec changed it over time (old templates stay valid).
    /// Validate against this.
    /// </summary>
    public TypeSpec Type { get; }

    /// <summary>The property's current type in the spec, without previous types (for code generation).</summary>
    public TypeSpec DeclaredType { get; }

    public bool Required { get; }

    public Replacement Replacement { get; }

    /// <summary>
    /// The enumeration the spec ties this property to: the allowed values of the property itself when it is a
    /// scalar, or of each item when it is a list or map of scalars; null when unrestricted.
    /// </summary>
    public IReadOnlyList<string>? AllowedValues { get; }

    /// <summary>The spec marks the property deprecated (it still works, but templates should move off it).</summary>
    public bool Deprecated { get; }

    public override string ToString() => $"{Name}: {Type}";

    private static IReadOnlyList<string>? ScalarAllowedValues(TypeSpec type) => type switch
    {
        PrimitiveTypeSpec primitive => primitive.AllowedValues,
        ListTypeSpec { Item: PrimitiveTypeSpec item } => item.AllowedValues,
        MapTypeSpec { Value: PrimitiveTypeSpec value } => value.AllowedValues,
        _ => null,
    };
}
