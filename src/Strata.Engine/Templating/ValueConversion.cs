using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Templates.Values;

namespace Strata.Engine.Templating;

/// <summary>
/// Between the template library's values and the engine's JSON: resource models (JSON) become values for
/// <c>Fn::GetAtt</c>; evaluated values become JSON, with unknown parts written as
/// <c>"{{known after apply: Web.PublicIp}}"</c> so a plan can show them.
/// </summary>
internal static class ValueConversion
{
    public static Value FromJson(JsonNode? node) => node switch
    {
        null => Value.Null,
        JsonObject obj => new MapValue(obj.Select(p => new KeyValuePair<string, Value>(p.Key, FromJson(p.Value))).ToArray()),
        JsonArray array => Value.List(array.Select(FromJson)),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => Value.Str(value.GetValue<string>()),
            JsonValueKind.Number => Value.Num(value.ToJsonString()),
            JsonValueKind.True => Value.Bool(true),
            JsonValueKind.False => Value.Bool(false),
            _ => Value.Null,
        },
        _ => Value.Null,
    };

    /// <summary>JSON for any value; unknowns become placeholder strings (never sent to a provider: the engine checks <see cref="Value.IsFullyKnown"/>).</summary>
    public static JsonNode? ToJson(Value value)
    {
        switch (value)
        {
            case UnknownValue unknown:
                return JsonValue.Create($"{{{{known after apply: {unknown.Source}}}}}");
            case ListValue list:
                var array = new JsonArray();
                foreach (var item in list.Items.Where(i => i is not NoValue))
                {
                    array.Add(ToJson(item));
                }
                return array;
            case MapValue map:
                var obj = new JsonObject();
                foreach (var (key, item) in map.Entries)
                {
                    if (item is not NoValue)
                    {
                        obj[key] = ToJson(item);
                    }
                }
                return obj;
            default:
                return ValueJson.TryToJsonNode(value, out var node) ? node : null;
        }
    }

    /// <summary>The text CloudFormation uses where a string is wanted (outputs, parameters): scalars as written, lists comma-joined.</summary>
    public static string? ToText(Value value) => value switch
    {
        ListValue list when list.IsFullyKnown => string.Join(",", list.Items.Select(i => ToText(i) ?? "")),
        _ when value.TryGetText(out var text) => text,
        MapValue map when map.IsFullyKnown => ValueJson.ToJsonString(map),
        _ => null,
    };

    /// <summary>Parses an ISO-8601 duration (<c>PT15M</c>) as CreationPolicy timeouts are written.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        try
        {
            duration = System.Xml.XmlConvert.ToTimeSpan(text);
            return duration > TimeSpan.Zero;
        }
        catch (FormatException)
        {
            duration = default;
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && (duration = TimeSpan.FromSeconds(seconds)) > TimeSpan.Zero;
        }
    }
}
