namespace Strata.Templates.Spec;

/// <summary>What happens to the resource when a property's value changes (the db's <c>causesReplacement</c>).</summary>
public enum Replacement : byte
{
    /// <summary>Updated in place (<c>causesReplacement</c> absent or <c>no</c>).</summary>
    Mutable = 0,
    /// <summary>A change replaces the resource (<c>causesReplacement: yes</c>).</summary>
    Immutable = 1,
    /// <summary>A change may replace the resource, depending on the values involved (<c>causesReplacement: maybe</c>).</summary>
    Conditional = 2,
}
