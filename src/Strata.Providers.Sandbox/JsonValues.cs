using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.Providers.Sandbox;

/// <summary>
/// Reads scalars from JSON nodes whether they were parsed (backed by a JsonElement) or built in code
/// (JsonValue.Create(3) holds an int, which TryGetValue&lt;double&gt; would refuse).
/// </summary>
internal static class JsonValues
{
    public static bool TryGetNumber(JsonNode? node, out double number)
    {
        number = 0;
        return node is JsonValue value
            && value.GetValueKind() == JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    public static bool TryGetString(JsonNode? node, out string text)
    {
        text = "";
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            text = value.GetValue<string>();
            return true;
        }
        return false;
    }

    public static bool TryGetBoolean(JsonNode? node, out bool flag)
    {
        flag = false;
        if (node is not JsonValue value)
        {
            return false;
        }
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                flag = true;
                return true;
            case JsonValueKind.False:
                return true;
            default:
                return false;
        }
    }

    /// <summary>A number, or a string holding one (template values often arrive as strings after resolution).</summary>
    public static bool TryGetLenientNumber(JsonNode? node, out double number)
    {
        if (TryGetNumber(node, out number))
        {
            return double.IsFinite(number);
        }
        return TryGetString(node, out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);
    }

    /// <summary>A boolean, or the strings "true" / "false" in any case.</summary>
    public static bool TryGetLenientBoolean(JsonNode? node, out bool flag)
    {
        if (TryGetBoolean(node, out flag))
        {
            return true;
        }
        return TryGetString(node, out var text) && bool.TryParse(text, out flag);
    }

    /// <summary>A scalar as text: strings as they are, numbers and booleans in their JSON spelling.</summary>
    public static string? ScalarText(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
        _ => null,
    };

    /// <summary>The property of an object matched case-sensitively, then case-insensitively.</summary>
    public static JsonNode? Property(JsonObject obj, string name)
    {
        if (obj.TryGetPropertyValue(name, out var exact))
        {
            return exact;
        }
        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        return null;
    }

    public static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        _ => value.ToJsonString(),
    };
}
