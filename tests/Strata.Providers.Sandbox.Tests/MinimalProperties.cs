using System.Text.Json.Nodes;
using Strata.Templates.Spec;

namespace Strata.Providers.Sandbox.Tests;

/// <summary>Builds the smallest desired state a type's schema accepts: its required properties, with values of their types.</summary>
internal static class MinimalProperties
{
    public static JsonObject For(ResourceTypeSpec type) => Object(type, type.Properties, depth: 0);

    private static JsonObject Object(ResourceTypeSpec type, IReadOnlyDictionary<string, PropertySpec> properties, int depth)
    {
        var obj = new JsonObject();
        foreach (var property in properties.Values.Where(p => p.Required))
        {
            obj[property.Name] = Value(type, property.Type, depth);
        }
        return obj;
    }

    private static JsonNode? Value(ResourceTypeSpec type, TypeSpec spec, int depth) => spec switch
    {
        PrimitiveTypeSpec { AllowedValues: { Count: > 0 } allowed } => allowed[0],
        PrimitiveTypeSpec primitive => primitive.Kind switch
        {
            PrimitiveKind.Integer or PrimitiveKind.Long or PrimitiveKind.Number => 1,
            PrimitiveKind.Boolean => true,
            PrimitiveKind.Json => new JsonObject(),
            PrimitiveKind.Timestamp => "2026-01-01T00:00:00Z",
            _ => "value",
        },
        ListTypeSpec => new JsonArray(),
        MapTypeSpec => new JsonObject(),
        TagTypeSpec => new JsonObject { ["Key"] = "k", ["Value"] = "v" },
        NamedTypeSpec named when depth < 6 && type.TryGetPropertyType(named, out var nested) => Object(type, nested.Properties, depth + 1),
        NamedTypeSpec => new JsonObject(),
        UnionTypeSpec union => Value(type, union.Types[0], depth),
        _ => "value",
    };
}
