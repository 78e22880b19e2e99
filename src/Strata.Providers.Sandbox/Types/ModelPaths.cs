using System.Text.Json.Nodes;

namespace Strata.Providers.Sandbox.Types;

/// <summary>Dotted attribute names (<c>Endpoint.Address</c>) as paths into a model object.</summary>
internal static class ModelPaths
{
    public static void Set(JsonObject model, string dottedName, JsonNode? value)
    {
        var parts = dottedName.Split('.');
        var current = model;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (current[parts[i]] is not JsonObject child)
            {
                child = [];
                current[parts[i]] = child;
            }
            current = child;
        }
        current[parts[^1]] = value;
    }

    public static JsonNode? Get(JsonObject model, string dottedName)
    {
        JsonNode? current = model;
        foreach (var part in dottedName.Split('.'))
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(part, out current))
            {
                return null;
            }
        }
        return current;
    }
}
