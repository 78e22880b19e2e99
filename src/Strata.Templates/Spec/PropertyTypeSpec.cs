namespace Strata.Templates.Spec;

/// <summary>A structured type nested in a resource (what <see cref="NamedTypeSpec"/> refers to).</summary>
public sealed class PropertyTypeSpec
{
    internal PropertyTypeSpec(string name, IReadOnlyDictionary<string, PropertySpec> properties)
    {
        Name = name;
        Properties = properties;
    }

    /// <summary>The name, unique within its resource type (e.g. <c>BlockDeviceMapping</c>).</summary>
    public string Name { get; }

    /// <summary>The object's properties by name (ordinal, case-sensitive), in the spec's order.</summary>
    public IReadOnlyDictionary<string, PropertySpec> Properties { get; }

    public override string ToString() => Name;
}
