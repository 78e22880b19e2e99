using System.Text.Json;
using Strata.Templates.Diagnostics;

namespace Strata.Templates.Syntax;

/// <summary>
/// Reads JSON into the node model with a streaming reader and an explicit stack, so nesting depth is
/// bounded by <see cref="ParserLimits.MaxDepth"/> rather than by the thread's stack.
/// </summary>
internal sealed class JsonTemplateReader
{
    private readonly byte[] _utf8;
    private readonly int _offset;
    private readonly ParserLimits _limits;
    private readonly LineMap _lines;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly StringPool _strings = new();

    public JsonTemplateReader(byte[] utf8, int offset, ParserLimits limits)
    {
        _utf8 = utf8;
        _offset = offset;
        _limits = limits;
        _lines = new LineMap(utf8);
    }

    public (TemplateNode? Root, IReadOnlyList<Diagnostic> Diagnostics) Read()
    {
        var options = new JsonReaderOptions
        {
            // One more than our own limit so that we, not the reader, report the depth with our message.
            MaxDepth = _limits.MaxDepth + 1,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        };
        var reader = new Utf8JsonReader(_utf8.AsSpan(_offset), options);
        try
        {
            var root = ReadDocument(ref reader);
            return (root, _diagnostics);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            _diagnostics.Add(Diagnostic.Error(SyntaxRules.ParseError, "Invalid JSON: " + CleanMessage(ex.Message), null, new SourceLocation(line, column)));
            return (null, _diagnostics);
        }
    }

    private TemplateNode? ReadDocument(ref Utf8JsonReader reader)
    {
        var stack = new Stack<(TemplateNode Container, string? PendingKey, SourceLocation KeyLocation)>();
        TemplateNode? root = null;
        string? pendingKey = null;
        var pendingKeyLocation = SourceLocation.None;
        var nodes = 0;

        while (reader.Read())
        {
            var location = _lines.At(_offset + reader.TokenStartIndex);
            TemplateNode? completed = null;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (stack.Count >= _limits.MaxDepth)
                    {
                        _diagnostics.Add(Diagnostic.Error(SyntaxRules.ParseError, $"Nesting is deeper than {_limits.MaxDepth} levels; not reading further", null, location));
                        return null;
                    }

                    TemplateNode container = reader.TokenType == JsonTokenType.StartObject
                        ? new MappingNode(location)
                        : new SequenceNode(location);
                    stack.Push((container, pendingKey, pendingKeyLocation));
                    pendingKey = null;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    var frame = stack.Pop();
                    completed = frame.Container;
                    pendingKey = frame.PendingKey;
                    pendingKeyLocation = frame.KeyLocation;
                    break;
                case JsonTokenType.PropertyName:
                    pendingKey = Text(ref reader);
                    pendingKeyLocation = location;
                    continue;
                case JsonTokenType.String:
                    completed = new ScalarNode(Text(ref reader), ScalarType.String, location);
                    break;
                case JsonTokenType.Number:
                    completed = new ScalarNode(System.Text.Encoding.UTF8.GetString(reader.ValueSpan), ScalarType.Number, location);
                    break;
                case JsonTokenType.True:
                    completed = new ScalarNode("true", ScalarType.Boolean, location);
                    break;
                case JsonTokenType.False:
                    completed = new ScalarNode("false", ScalarType.Boolean, location);
                    break;
                case JsonTokenType.Null:
                    completed = new ScalarNode("null", ScalarType.Null, location);
                    break;
            }

            if (completed is null)
            {
                continue;
            }

            if (++nodes > _limits.MaxNodes)
            {
                _diagnostics.Add(Diagnostic.Error(SyntaxRules.ParseError, $"The document has more than {_limits.MaxNodes:N0} values; not reading further", null, location));
                return null;
            }

            if (stack.Count == 0)
            {
                root = completed;
                continue;
            }

            Attach(stack.Peek().Container, pendingKey, pendingKeyLocation, completed);
            pendingKey = null;
        }

        return root;
    }

    /// <summary>
    /// A property name or string value. Short unescaped ones (keys, types, logical ids: the text that repeats) are
    /// decoded on the stack and shared through the pool, as the YAML reader does; the rest are decoded as they are.
    /// </summary>
    private string Text(ref Utf8JsonReader reader)
    {
        const int MaxPooledBytes = 48;
        var raw = reader.ValueSpan;
        if (reader.ValueIsEscaped || reader.HasValueSequence || raw.Length > MaxPooledBytes)
        {
            return reader.GetString()!;
        }
        Span<char> chars = stackalloc char[MaxPooledBytes];
        var count = System.Text.Encoding.UTF8.GetChars(raw, chars);
        return _strings.Get(chars[..count]);
    }

    private void Attach(TemplateNode container, string? key, SourceLocation keyLocation, TemplateNode value)
    {
        if (container is SequenceNode seq)
        {
            seq.Add(value);
            return;
        }

        var map = (MappingNode)container;
        if (!map.TryAdd(key!, keyLocation, value))
        {
            var first = map.GetEntry(key!)!;
            _diagnostics.Add(Diagnostic.Error(
                SyntaxRules.ParseError,
                $"Duplicate key '{key}' (first at line {first.KeyLocation.Line})",
                JoinPath(map.Path, key!),
                keyLocation));
        }
    }

    internal static string JoinPath(string parent, string key) => parent.Length == 0 ? key : parent + "/" + key;

    private static string CleanMessage(string message)
    {
        // System.Text.Json appends "LineNumber: n | BytePositionInLine: m." which we report as a location instead.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }
}
