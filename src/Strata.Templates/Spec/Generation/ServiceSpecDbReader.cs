using System.IO.Compression;
using System.Text.Json;

namespace Strata.Templates.Spec.Generation;

/// <summary>
/// Reads the <c>db.json.gz</c> of <c>@aws-cdk/aws-service-spec</c> into the public spec model.
/// The db is a serialised entity store: <c>schema.resource.entities</c> (one per CloudFormation type),
/// <c>schema.typeDefinition.entities</c> (nested property types, referenced by <c>$id</c>) and the
/// <c>schema.usesType.forward</c> relationship saying which resource owns which type definitions.
/// Used by <c>tools/Strata.SpecGen</c> and by the round-trip tests; never at run time.
/// </summary>
internal static class ServiceSpecDbReader
{
    public static IReadOnlyList<ResourceTypeSpec> Read(Stream gzippedDb, string sourceName)
    {
        using var json = new GZipStream(gzippedDb, CompressionMode.Decompress, leaveOpen: true);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        var schema = Member(document.RootElement, "schema", sourceName);

        var typeDefinitions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var definition in Entities(schema, "typeDefinition", sourceName))
        {
            typeDefinitions[Text(definition, "$id", sourceName)] = definition;
        }
        var usesType = Member(Member(schema, "usesType", sourceName), "forward", sourceName);

        var resources = new List<ResourceTypeSpec>();
        foreach (var resource in Entities(schema, "resource", sourceName))
        {
            var name = Text(resource, "cloudFormationType", sourceName);
            var context = $"{sourceName}: {name}";
            var owned = OwnedTypeDefinitions(Text(resource, "$id", context), usesType, typeDefinitions, context);
            resources.Add(new ResourceConverter(owned, context).Convert(name, resource));
        }
        return resources;
    }

    // The type definitions a resource uses, by $id, in the db's order. Names are unique within a resource.
    private static List<(string Id, string Name, JsonElement Definition)> OwnedTypeDefinitions(
        string resourceId, JsonElement usesType, Dictionary<string, JsonElement> typeDefinitions, string context)
    {
        var owned = new List<(string, string, JsonElement)>();
        if (!usesType.TryGetProperty(resourceId, out var references))
        {
            return owned;
        }
        foreach (var reference in references.EnumerateArray())
        {
            var id = Text(reference, "$id", context);
            if (!typeDefinitions.TryGetValue(id, out var definition))
            {
                throw new InvalidDataException($"{context}: usesType names type definition {id}, which does not exist");
            }
            owned.Add((id, Text(definition, "name", context), definition));
        }
        return owned;
    }

    private static JsonElement.ArrayEnumerator Entities(JsonElement schema, string entityType, string context) =>
        Member(Member(schema, entityType, context), "entities", context).EnumerateArray();

    internal static JsonElement Member(JsonElement element, string name, string context) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new InvalidDataException($"{context}: missing \"{name}\"");

    internal static string Text(JsonElement element, string name, string context)
    {
        var value = Member(element, name, context);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"{context}: \"{name}\" is {value.ValueKind}, expected a string");
    }
}
