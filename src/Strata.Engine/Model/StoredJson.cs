using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.Engine.Model;

/// <summary>
/// An immutable JSON object kept as its compact UTF-8 text. Resource records hold one for their properties,
/// provider model and metadata, thousands per stack, for the whole of a run; a parsed <see cref="JsonObject"/>
/// costs about seven times its text on the heap and is mutable, so records keep the text and hand out fresh
/// copies (<see cref="ToObject"/>) or single values (<see cref="Find"/>) when asked.
/// </summary>
public sealed class StoredJson : IEquatable<StoredJson>
{
    private readonly byte[] _utf8;

    private StoredJson(byte[] utf8) => _utf8 = utf8;

    /// <summary>The empty object <c>{}</c>.</summary>
    public static StoredJson Empty { get; } = new("{}"u8.ToArray());

    public int Utf8Length => _utf8.Length;

    /// <summary>The compact UTF-8 text itself (what the state store writes).</summary>
    public ReadOnlySpan<byte> Utf8 => _utf8;

    public bool IsEmpty => _utf8.Length == 2;

    /// <summary>A snapshot of <paramref name="value"/>: later changes to the object do not reach it.</summary>
    public static StoredJson From(JsonObject value)
    {
        if (value.Count == 0)
        {
            return Empty;
        }
        using var scratch = JsonScratch.Rent();
        value.WriteTo(scratch.Writer);
        return new StoredJson(scratch.Written.ToArray());
    }

    [return: NotNullIfNotNull(nameof(value))]
    public static StoredJson? FromNullable(JsonObject? value) => value is null ? null : From(value);

    /// <summary>Reads stored text, which must be a JSON object.</summary>
    /// <exception cref="FormatException">The text is not a JSON object.</exception>
    public static StoredJson Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    /// <summary>Reads stored UTF-8 text, which must be a JSON object.</summary>
    /// <exception cref="FormatException">The text is not a JSON object.</exception>
    public static StoredJson Parse(ReadOnlySpan<byte> text) => Parse(text.ToArray());

    private static StoredJson Parse(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException("Stored JSON is not an object");
            }
            reader.Skip();
            if (reader.Read())
            {
                throw new FormatException("Stored JSON has content after its object");
            }
        }
        catch (JsonException exception)
        {
            throw new FormatException($"Stored JSON is malformed: {exception.Message}", exception);
        }
        return utf8.Length == 2 ? Empty : new StoredJson(utf8);
    }

    /// <summary>A new mutable copy.</summary>
    public JsonObject ToObject() => (JsonObject)JsonNode.Parse(_utf8)!;

    /// <summary>
    /// The value at <paramref name="path"/>: a top-level key first (attribute names may contain dots), then a
    /// dotted path into nested objects (<c>Endpoint.Address</c>). A fresh node, or null when absent.
    /// </summary>
    public JsonNode? Find(string path)
    {
        using var document = JsonDocument.Parse(_utf8);
        var root = document.RootElement;
        if (root.TryGetProperty(path, out var direct))
        {
            return JsonNodeOf(direct);
        }
        var current = root;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }
        return JsonNodeOf(current);
    }

    private static JsonNode? JsonNodeOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(element.GetRawText());

    /// <summary>Whether <paramref name="value"/> is the same JSON (<see cref="JsonNode.DeepEquals"/>: key order does not matter).</summary>
    public bool SameAs(JsonObject? value) => value is not null && JsonNode.DeepEquals(ToObject(), value);

    /// <summary>The same text (see <see cref="SameAs"/> for JSON equality regardless of key order).</summary>
    public bool Equals(StoredJson? other) =>
        other is not null && (ReferenceEquals(this, other) || _utf8.AsSpan().SequenceEqual(other._utf8));

    public override bool Equals(object? obj) => Equals(obj as StoredJson);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_utf8);
        return hash.ToHashCode();
    }

    /// <summary>The compact JSON text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(_utf8);
}
