using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Strata.Templates.Syntax;

/// <summary>
/// Emits a node tree as JSON in long form (short-form YAML tags become <c>{"Fn::X": ...}</c>), keeping
/// key order and the text of numbers as written.
/// </summary>
public static class TemplateJsonWriter
{
    private static readonly JsonWriterOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
        MaxDepth = TemplateParser.MaxNestingDepth + 8,
    };

    private static readonly JsonWriterOptions Pretty = Compact with { Indented = true, IndentSize = 4 };

    /// <param name="indentSize">Spaces per level when indented (troposphere writes 1, most tools 2 or 4).</param>
    public static string ToJson(TemplateNode node, bool indented = true, int indentSize = 4)
    {
        var sb = new StringBuilder();
        Write(node, sb, indented, indentSize);
        return sb.ToString();
    }

    public static void Write(TemplateNode node, StringBuilder output, bool indented, int indentSize = 4)
    {
        var options = !indented ? Compact : indentSize == 4 ? Pretty : Pretty with { IndentSize = indentSize };
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            Write(node, writer);
        }

        output.Append(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    public static void Write(TemplateNode node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case MappingNode map:
                writer.WriteStartObject();
                foreach (var entry in map.Entries)
                {
                    writer.WritePropertyName(entry.Key);
                    Write(entry.Value, writer);
                }

                writer.WriteEndObject();
                break;
            case SequenceNode seq:
                writer.WriteStartArray();
                foreach (var item in seq.Items)
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            case ScalarNode scalar:
                WriteScalar(scalar, writer);
                break;
        }
    }

    private static void WriteScalar(ScalarNode scalar, Utf8JsonWriter writer)
    {
        switch (scalar.Type)
        {
            case ScalarType.Null:
                writer.WriteNullValue();
                break;
            case ScalarType.Boolean:
                writer.WriteBooleanValue(scalar.AsBoolean() ?? false);
                break;
            case ScalarType.Number when IsJsonNumber(scalar.Text):
                writer.WriteRawValue(scalar.Text, skipInputValidation: true);
                break;
            default:
                writer.WriteStringValue(scalar.Text);
                break;
        }
    }

    /// <summary>JSON's number grammar, stricter than YAML's (no leading '+', no '.5', no hex).</summary>
    internal static bool IsJsonNumber(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        if (text[i] == '0' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
        {
            return false;
        }

        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        return i == text.Length;
    }
}
