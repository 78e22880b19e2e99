using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.Templates.Values;

/// <summary>Converts known values to <see cref="JsonNode"/> (what providers receive) and to JSON text.</summary>
public static class ValueJson
{
    internal static readonly JsonSerializerOptions StringOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The JSON form of <paramref name="value"/>, or false when something inside is unknown. Numbers keep
    /// their text; <c>AWS::NoValue</c> inside a map or list is dropped (a bare NoValue gives null).
    /// </summary>
    public static bool TryToJsonNode(Value value, out JsonNode? node)
    {
        node = null;
        if (!value.IsFullyKnown)
        {
            return false;
        }

        node = Convert(value);
        return true;
    }

    /// <summary>The JSON form of a fully known value; throws <see cref="InvalidOperationException"/> for unknowns.</summary>
    public static JsonNode? ToJsonNode(Value value) =>
        TryToJsonNode(value, out var node) ? node : throw new InvalidOperationException($"The value is not fully known: {value}");

    /// <summary>Compact JSON text of a fully known value, as <c>Fn::ToJsonString</c> renders it.</summary>
    public static string ToJsonString(Value value)
    {
        var node = ToJsonNode(value);
        return node is null ? "null" : node.ToJsonString(StringOptions);
    }

    private static JsonNode? Convert(Value value)
    {
        // Nesting is bounded by the parser's depth limit, so recursion here cannot run away.
        switch (value)
        {
            case StringValue s:
                return JsonValue.Create(s.Text);
            case NumberValue n:
                return NumberNode(n.Text);
            case BooleanValue b:
                return JsonValue.Create(b.Value);
            case ListValue list:
                var array = new JsonArray();
                foreach (var item in list.Items)
                {
                    if (item is not NoValue)
                    {
                        array.Add(Convert(item));
                    }
                }

                return array;
            case MapValue map:
                var obj = new JsonObject();
                foreach (var e in map.Entries)
                {
                    if (e.Value is not NoValue)
                    {
                        obj[e.Key] = Convert(e.Value);
                    }
                }

                return obj;
            default:
                return null;
        }
    }

    private static JsonNode NumberNode(string text)
    {
        // Keep the text as written where it is valid JSON (0.10 stays 0.10); YAML-only forms become strings.
        if (Syntax.TemplateJsonWriter.IsJsonNumber(text))
        {
            return JsonNode.Parse(text)!;
        }

        return JsonValue.Create(text);
    }
}
