using Strata.Templates.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Strata.Templates.Syntax;

/// <summary>
/// Reads YAML into the node model from YamlDotNet's event stream with an explicit stack. Short-form
/// tags become long-form mappings; aliases are expanded as copies against a node budget, so an alias
/// bomb is refused instead of exhausting memory; nesting is bounded.
/// </summary>
internal sealed class YamlTemplateReader
{
    private const string YamlTagPrefix = "tag:yaml.org,2002:";

    private readonly string _text;
    private readonly ParserLimits _limits;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, TemplateNode> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> _stack = new();
    private int _nodes;
    private SourceLocation _lastLocation = new(1, 1);

    public YamlTemplateReader(string text, ParserLimits limits)
    {
        _text = text;
        _limits = limits;
    }

    public (TemplateNode? Root, IReadOnlyList<Diagnostic> Diagnostics) Read()
    {
        try
        {
            return (ReadDocument(), _diagnostics);
        }
        catch (YamlException ex)
        {
            _diagnostics.Add(Diagnostic.Error(SyntaxRules.ParseError, "Invalid YAML: " + CleanMessage(ex), null, new SourceLocation((int)ex.Start.Line, (int)ex.Start.Column)));
            return (null, _diagnostics);
        }
        catch (LimitExceeded)
        {
            return (null, _diagnostics);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these (instead of YamlException) on some malformed input.
            _diagnostics.Add(Diagnostic.Error(SyntaxRules.ParseError, "Invalid YAML: the text could not be scanned after this point", null, _lastLocation));
            return (null, _diagnostics);
        }
    }

    private TemplateNode? ReadDocument()
    {
        var parser = new Parser(new StringReader(_text));
        TemplateNode? root = null;
        var documents = 0;
        while (parser.MoveNext())
        {
            var ev = parser.Current!;
            var location = new SourceLocation((int)ev.Start.Line, (int)ev.Start.Column);
            _lastLocation = location;
            TemplateNode? completed = null;
            string? anchor = null;
            switch (ev)
            {
                case DocumentStart when ++documents > 1:
                    _diagnostics.Add(Diagnostic.Error(SyntaxRules.ParseError, "The file holds more than one YAML document; a template is one document", null, location));
                    return root;
                case Scalar scalar:
                    completed = WrapInTag(ScalarFrom(scalar, location), scalar.Tag, location, NodeKind.Scalar);
                    anchor = AnchorName(scalar.Anchor);
                    break;
                case MappingStart start:
                    Push(new MappingNode(location), start.Tag, AnchorName(start.Anchor), location);
                    continue;
                case SequenceStart start:
                    Push(new SequenceNode(location), start.Tag, AnchorName(start.Anchor), location);
                    continue;
                case MappingEnd or SequenceEnd:
                    var frame = _stack.Pop();
                    completed = WrapInTag(frame.Container, frame.Tag, frame.Location, frame.Container.Kind);
                    anchor = frame.Anchor;
                    break;
                case AnchorAlias alias:
                    completed = ExpandAlias(alias.Value.Value, location);
                    break;
            }

            if (completed is null)
            {
                continue;
            }

            if (anchor is not null)
            {
                _anchors[anchor] = completed;
            }

            if (_stack.Count == 0)
            {
                root ??= completed;
                continue;
            }

            Attach(_stack.Peek(), completed);
        }

        return root;
    }

    private void Push(TemplateNode container, TagName tag, string? anchor, SourceLocation location)
    {
        if (_stack.Count >= _limits.MaxDepth)
        {
            Fail($"Nesting is deeper than {_limits.MaxDepth} levels; not reading further", location);
        }

        Count(location);
        _stack.Push(new Frame(container, tag, anchor, location));
    }

    private ScalarNode ScalarFrom(Scalar scalar, SourceLocation location)
    {
        Count(location);
        var plain = scalar.Style == ScalarStyle.Plain;
        var type = ScalarType.String;
        if (!scalar.Tag.IsEmpty && scalar.Tag.Value.StartsWith(YamlTagPrefix, StringComparison.Ordinal))
        {
            type = scalar.Tag.Value[YamlTagPrefix.Length..] switch
            {
                "int" or "float" => ScalarType.Number,
                "bool" => ScalarType.Boolean,
                "null" => ScalarType.Null,
                _ => ScalarType.String,
            };
        }
        else if (plain && (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific))
        {
            type = YamlScalarResolver.Resolve(scalar.Value);
        }

        return new ScalarNode(scalar.Value, type, location, plain);
    }

    /// <summary>Turns <c>!Name value</c> into <c>{"Fn::Name": value}</c>; reports tags CloudFormation does not know.</summary>
    private TemplateNode WrapInTag(TemplateNode node, TagName tag, SourceLocation location, NodeKind kind)
    {
        if (tag.IsEmpty || tag.IsNonSpecific || tag.Value.StartsWith(YamlTagPrefix, StringComparison.Ordinal))
        {
            return node;
        }

        var function = ShortFormTags.FunctionFor(tag.Value);
        if (function is null)
        {
            _diagnostics.Add(Diagnostic.Error(SyntaxRules.ParseError, $"Unknown YAML tag '{tag.Value}' (not a CloudFormation short form; a preprocessor must expand it first)", null, location));
            return node;
        }

        // An empty `!GetAZs` (or `!GetAZs ''`) means the current region: CloudFormation reads it as "".
        if (kind == NodeKind.Scalar && node is ScalarNode { IsNull: true } empty)
        {
            node = new ScalarNode("", ScalarType.String, empty.Location);
        }

        var wrapper = new MappingNode(location, tag.Value);
        wrapper.TryAdd(function, location, node);
        Count(location);
        return wrapper;
    }

    private TemplateNode ExpandAlias(string name, SourceLocation location)
    {
        if (!_anchors.TryGetValue(name, out var target))
        {
            Fail($"Alias '*{name}' refers to an anchor that is not defined before it", location);
        }

        var size = CountNodes(target!);
        if (_nodes + (long)size > _limits.MaxNodes)
        {
            Fail($"YAML aliases expand to more than {_limits.MaxNodes:N0} values (an alias bomb?); not reading further", location);
        }

        _nodes += size;
        return target!.DeepClone();
    }

    private void Attach(Frame frame, TemplateNode value)
    {
        if (frame.Container is SequenceNode seq)
        {
            seq.Add(value);
            return;
        }

        var map = (MappingNode)frame.Container;
        if (frame.PendingKey is null)
        {
            if (value is not ScalarNode key)
            {
                _diagnostics.Add(Diagnostic.Error(SyntaxRules.ParseError, "A mapping key must be a plain value, not a mapping, a list or a tagged value", map.Path, value.Location));
                frame.PendingKey = "";
                frame.KeyLocation = value.Location;
                return;
            }

            frame.PendingKey = key.Text;
            frame.KeyLocation = key.Location;
            return;
        }

        if (!map.TryAdd(frame.PendingKey, frame.KeyLocation, value))
        {
            var first = map.GetEntry(frame.PendingKey)!;
            _diagnostics.Add(Diagnostic.Error(
                SyntaxRules.ParseError,
                $"Duplicate key '{frame.PendingKey}' (first at line {first.KeyLocation.Line})",
                JsonTemplateReader.JoinPath(map.Path, frame.PendingKey),
                frame.KeyLocation));
        }

        frame.PendingKey = null;
    }

    private void Count(SourceLocation location)
    {
        if (++_nodes > _limits.MaxNodes)
        {
            Fail($"The document has more than {_limits.MaxNodes:N0} values; not reading further", location);
        }
    }

    private static int CountNodes(TemplateNode node) => node switch
    {
        MappingNode m => 1 + m.Entries.Sum(e => CountNodes(e.Value)),
        SequenceNode s => 1 + s.Items.Sum(CountNodes),
        _ => 1,
    };

    private void Fail(string message, SourceLocation location)
    {
        _diagnostics.Add(Diagnostic.Error(SyntaxRules.ParseError, message, null, location));
        throw new LimitExceeded();
    }

    private static string? AnchorName(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    private static string CleanMessage(YamlException ex)
    {
        // YamlDotNet prefixes "(Line: a, Col: b, Idx: c) - (Line: ...): "; the location is reported separately.
        var message = ex.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }

    private sealed class Frame(TemplateNode container, TagName tag, string? anchor, SourceLocation location)
    {
        public TemplateNode Container { get; } = container;

        public TagName Tag { get; } = tag;

        public string? Anchor { get; } = anchor;

        public SourceLocation Location { get; } = location;

        public string? PendingKey { get; set; }

        public SourceLocation KeyLocation { get; set; }
    }

    private sealed class LimitExceeded : Exception;
}
