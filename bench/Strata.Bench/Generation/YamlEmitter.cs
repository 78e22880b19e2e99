using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Strata.Bench.Generation;

/// <summary>
/// Writes a generated template as YAML the way people write it: block style, and intrinsic functions in
/// their short forms (<c>!Ref</c>, <c>!GetAtt A.B</c>, <c>!Sub</c>, <c>!If [...]</c>), so the YAML benchmarks
/// exercise tag handling and not only plain mappings.
/// </summary>
internal static partial class YamlEmitter
{
    private static readonly JsonSerializerOptions QuotedString = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    public static string Emit(JsonObject template)
    {
        var text = new StringBuilder();
        WriteMapping(text, template, 0);
        return text.ToString();
    }

    private static void WriteMapping(StringBuilder text, JsonObject map, int indent)
    {
        foreach (var (key, value) in map)
        {
            text.Append(' ', indent).Append(Scalar(key)).Append(':');
            WriteValueAfterIndicator(text, value, indent);
        }
    }

    private static void WriteSequence(StringBuilder text, JsonArray list, int indent)
    {
        foreach (var item in list)
        {
            text.Append(' ', indent).Append('-');
            if (item is JsonObject map && map.Count > 0 && ShortForm(map) is null)
            {
                // "- Key: value" with the rest of the mapping aligned under the first key.
                var nested = new StringBuilder();
                WriteMapping(nested, map, indent + 2);
                text.Append(' ').Append(nested.ToString(indent + 2, nested.Length - indent - 2));
            }
            else
            {
                WriteValueAfterIndicator(text, item, indent);
            }
        }
    }

    // Writes what follows "key:" or "-": a scalar or short form on the same line, a collection below it.
    private static void WriteValueAfterIndicator(StringBuilder text, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject map when LiteralCall(map) is { } call:
                // Scripts (UserData) are written as literal blocks, the way people write them.
                text.Append(" !").Append(call.Tag).Append(" |\n");
                AppendLiteral(text, call.Text, indent + 2);
                break;
            case JsonValue scalar when scalar.TryGetValue<string>(out var literal) && IsLiteralBlock(literal):
                text.Append(" |\n");
                AppendLiteral(text, literal, indent + 2);
                break;
            case JsonObject map when ShortForm(map) is { } shortForm:
                text.Append(' ').Append(shortForm).Append('\n');
                break;
            case JsonObject { Count: 0 }:
                text.Append(" {}\n");
                break;
            case JsonObject map:
                text.Append('\n');
                WriteMapping(text, map, indent + 2);
                break;
            case JsonArray { Count: 0 }:
                text.Append(" []\n");
                break;
            case JsonArray list:
                text.Append('\n');
                WriteSequence(text, list, indent + 2);
                break;
            default:
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    /// <summary>The short form of an intrinsic call (<c>{"Fn::If": [...]}</c> → <c>!If [...]</c>), or null for other mappings.</summary>
    private static string? ShortForm(JsonObject map)
    {
        if (map.Count != 1)
        {
            return null;
        }

        var (key, argument) = map.First();
        string? tag = key switch
        {
            "Ref" => "Ref",
            "Condition" when argument is JsonValue => "Condition",
            _ when key.StartsWith("Fn::", StringComparison.Ordinal) => key["Fn::".Length..],
            _ => null,
        };
        if (tag is null)
        {
            return null;
        }

        if (argument is JsonObject inner && ShortForm(inner) is not null)
        {
            return null; // a YAML node takes one tag: "!Base64 !Sub x" is invalid, so the outer call stays long-form
        }

        if (tag == "GetAtt" && argument is JsonArray { Count: 2 } pair && pair[0] is JsonValue && pair[1] is JsonValue)
        {
            return $"!GetAtt {pair[0]!.GetValue<string>()}.{pair[1]!.GetValue<string>()}";
        }

        return $"!{tag} {Flow(argument)}";
    }

    private static (string Tag, string Text)? LiteralCall(JsonObject map)
    {
        if (map.Count == 1 && map.First() is var (key, argument) && key.StartsWith("Fn::", StringComparison.Ordinal) &&
            argument is JsonValue value && value.TryGetValue<string>(out var text) && IsLiteralBlock(text))
        {
            return (key["Fn::".Length..], text);
        }

        return null;
    }

    // "|" keeps the text exactly when it ends with one newline and no line has trailing blanks or tabs.
    private static bool IsLiteralBlock(string text) =>
        text.Contains('\n') && text.EndsWith('\n') && !text.EndsWith("\n\n", StringComparison.Ordinal) &&
        !text.Contains('\t') && !text.Contains(" \n", StringComparison.Ordinal) && !text.StartsWith(' ');

    private static void AppendLiteral(StringBuilder text, string literal, int indent)
    {
        foreach (var line in literal[..^1].Split('\n'))
        {
            if (line.Length > 0)
            {
                text.Append(' ', indent).Append(line);
            }

            text.Append('\n');
        }
    }

    private static string Flow(JsonNode? node) => node switch
    {
        JsonObject map when ShortForm(map) is { } call => call,
        JsonObject map => "{" + string.Join(", ", map.Select(e => $"{Scalar(e.Key)}: {Flow(e.Value)}")) + "}",
        JsonArray list => "[" + string.Join(", ", list.Select(Flow)) + "]",
        _ => Scalar(node),
    };

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value when value.TryGetValue<string>(out var text) => Scalar(text),
        _ => node.ToJsonString(),
    };

    private static string Scalar(string text) =>
        PlainSafe().IsMatch(text) && !Reserved.Contains(text) ? text : JsonSerializer.Serialize(text, QuotedString);

    // Plain (unquoted) only where no YAML reader could take the text for anything but this string. A colon
    // is safe inside a word ("AWS::Region") but not at its end, where it would start a mapping.
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_./:-]*(?<!:)$")]
    private static partial Regex PlainSafe();
}
