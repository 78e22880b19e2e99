using Strata.Templates.Spec;

namespace Strata.Templates.Validation;

/// <summary>Names specification types the way a template author thinks of them ("an integer", "a list").</summary>
internal static class SpecTypeDescriptions
{
    public static string Describe(TypeSpec type) => type switch
    {
        PrimitiveTypeSpec { Kind: PrimitiveKind.String } => "a string",
        PrimitiveTypeSpec { Kind: PrimitiveKind.Integer or PrimitiveKind.Long } => "an integer",
        PrimitiveTypeSpec { Kind: PrimitiveKind.Number } => "a number",
        PrimitiveTypeSpec { Kind: PrimitiveKind.Boolean } => "a boolean",
        PrimitiveTypeSpec { Kind: PrimitiveKind.Json } => "a JSON object or string",
        PrimitiveTypeSpec { Kind: PrimitiveKind.Timestamp } => "a timestamp",
        PrimitiveTypeSpec { Kind: PrimitiveKind.Null } => "null",
        PrimitiveTypeSpec => "a value",
        ListTypeSpec list => $"a list of {Plural(list.Item)}",
        MapTypeSpec map => $"a mapping of names to {Plural(map.Value)}",
        NamedTypeSpec named => $"a mapping ({named.Name})",
        TagTypeSpec => "a tag (a mapping with Key and Value)",
        UnionTypeSpec union => string.Join(" or ", union.Types.Select(Describe).Distinct()),
        _ => "a value",
    };

    private static string Plural(TypeSpec type) => type switch
    {
        PrimitiveTypeSpec { Kind: PrimitiveKind.String } => "strings",
        PrimitiveTypeSpec { Kind: PrimitiveKind.Integer or PrimitiveKind.Long } => "integers",
        PrimitiveTypeSpec { Kind: PrimitiveKind.Number } => "numbers",
        PrimitiveTypeSpec { Kind: PrimitiveKind.Boolean } => "booleans",
        NamedTypeSpec named => $"{named.Name} mappings",
        TagTypeSpec => "tags",
        _ => "values (" + Describe(type) + ")",
    };
}
