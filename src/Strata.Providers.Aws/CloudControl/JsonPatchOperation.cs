using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.Providers.Aws.CloudControl;

/// <summary>The RFC 6902 operations Strata generates (Cloud Control accepts all six; a diff needs only these).</summary>
public enum JsonPatchOp
{
    Add,
    Remove,
    Replace,
}

/// <summary>One RFC 6902 operation: <c>{"op":"replace","path":"/RetentionInDays","value":90}</c>.</summary>
/// <param name="Path">An RFC 6901 JSON Pointer, its tokens escaped (<c>~0</c> for <c>~</c>, <c>~1</c> for <c>/</c>).</param>
/// <param name="Value">The new value (add, replace); ignored for remove. Null is the JSON <c>null</c>.</param>
public sealed record JsonPatchOperation(JsonPatchOp Op, string Path, JsonNode? Value = null)
{
    public string OpName => Op switch
    {
        JsonPatchOp.Add => "add",
        JsonPatchOp.Remove => "remove",
        _ => "replace",
    };

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("op", OpName);
        writer.WriteString("path", Path);
        if (Op != JsonPatchOp.Remove)
        {
            writer.WritePropertyName("value");
            if (Value is null) writer.WriteNullValue();
            else Value.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    public override string ToString() => Op == JsonPatchOp.Remove
        ? $"{OpName} {Path}"
        : $"{OpName} {Path} = {Value?.ToJsonString() ?? "null"}";
}

/// <summary>A list of operations as the JSON array Cloud Control's <c>PatchDocument</c> carries.</summary>
public static class JsonPatchDocument
{
    public static string Serialize(IEnumerable<JsonPatchOperation> operations)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var operation in operations) operation.WriteTo(writer);
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>RFC 6901 JSON Pointer tokens.</summary>
public static class JsonPointer
{
    /// <summary>
    /// Escapes one reference token. <c>~</c> first, then <c>/</c>: the other order would turn a literal "/" into
    /// "~1" and then into "~01".
    /// </summary>
    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Reverses <see cref="Escape"/>: <c>~1</c> first, then <c>~0</c> (RFC 6901 section 4).</summary>
    public static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    public static string Append(string pointer, string token) => pointer + "/" + Escape(token);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
