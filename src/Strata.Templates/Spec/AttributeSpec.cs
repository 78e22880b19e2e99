namespace Strata.Templates.Spec;

/// <summary>A value readable with <c>Fn::GetAtt</c>; names may be dotted (<c>Endpoint.Address</c>).</summary>
public sealed class AttributeSpec
{
    internal AttributeSpec(string name, TypeSpec type, TypeSpec declaredType)
    {
        Name = name;
        Type = type;
        DeclaredType = declaredType;
    }

    public string Name { get; }

    /// <summary>The current type widened with the attribute's previous types (see <see cref="PropertySpec.Type"/>).</summary>
    public TypeSpec Type { get; }

    /// <summary>The attribute's current type in the spec.</summary>
    public TypeSpec DeclaredType { get; }

    public override string ToString() => $"{Name}: {Type}";
}
