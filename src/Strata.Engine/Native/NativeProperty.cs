using System.Globalization;
using System.Text.Json.Nodes;

namespace Strata.Engine.Native;

/// <summary>How the engine's native types read their resolved properties and responses.</summary>
internal static class NativeProperty
{
    /// <summary>A string as it is; any other JSON value as its JSON text (templates give numbers either way); null when absent.</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    /// <summary>An integer from <paramref name="min"/> to <paramref name="max"/>, given as a number or a numeric string.</summary>
    public static bool TryReadInt(JsonNode? node, int min, int max, out int value) =>
        int.TryParse(Text(node), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}
