using Strata.Templates.Diagnostics;

namespace Strata.Templates.Syntax;

/// <summary>
/// Builds the node model from YAML events (a scalar, the start or end of a collection, an alias), whichever
/// reader produces them: <see cref="DirectYamlReader"/> for the common subset, YamlDotNet's parser for the
/// rest. Sharing it is what makes both readers give the same tree: short-form tags become long-form
/// mappings, aliases are expanded as copies against a node budget, nesting is bounded, duplicate keys and
/// unknown tags are reported.
/// </summary>
internal sealed class YamlTreeBuilder
{
    private const string YamlTagPrefix = "tag:yaml.org,2002:";

    private readonly ParserLimits _limits;
    private readonly Dictionary<string, TemplateNode> _anchors = new(StringComparer.Ordinal);
    private Frame[] _frames = new Frame[16];
    private int _depth;
    private int _nodes;

    public YamlTreeBuilder(ParserLimits limits) => _limits = limits;

    public List<Diagnostic> Diagnostics { get; } = [];

    public TemplateNode? Root { get; private set; }

    /// <param name="tag">The resolved tag (<c>!Ref</c>, <c>tag:yaml.org,2002:str</c>, <c>!</c>), or null when none was written.</param>
    public void Scalar(string value, bool plain, string? tag, string? anchor, SourceLocation location)
    {
        Count(location);
        var type = ScalarType.String;
        if (tag is not null && tag.StartsWith(YamlTagPrefix, StringComparison.Ordinal))
        {
            type = tag.AsSpan(YamlTagPrefix.Length) switch
            {
                "int" or "float" => ScalarType.Number,
                "bool" => ScalarType.Boolean,
                "null" => ScalarType.Null,
                _ => ScalarType.String,
            };
        }
        else if (plain && (tag is null || IsNonSpecific(tag)))
        {
            type = YamlScalarResolver.Resolve(value);
        }

        Complete(WrapInTag(new ScalarNode(value, type, location, plain), tag, location, NodeKind.Scalar), anchor);
    }

    /// <summary>
    /// A plain, untagged scalar in key position of the open mapping: what <see cref="Scalar"/> would do with
    /// it (count it, make it the pending key) without building the node only to read its text.
    /// </summary>
    public void Key(string key, SourceLocation location)
    {
        Count(location);
        ref var frame = ref _frames[_depth - 1];
        frame.PendingKey = key;
        frame.KeyLocation = location;
    }

    public void StartMapping(string? tag, string? anchor, SourceLocation location) => Push(new MappingNode(location), tag, anchor, location);

    public void StartSequence(string? tag, string? anchor, SourceLocation location) => Push(new SequenceNode(location), tag, anchor, location);

    /// <summary>Ends the innermost open mapping or sequence.</summary>
    public void End()
    {
        var frame = _frames[--_depth];
        _frames[_depth] = default;
        Complete(WrapInTag(frame.Container, frame.Tag, frame.Location, frame.Container.Kind), frame.Anchor);
    }

    public void Alias(string name, SourceLocation location)
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
        Complete(target!.DeepClone(), null);
    }

    private static bool IsNonSpecific(string tag) => tag is "!" or "?";

    private void Complete(TemplateNode node, string? anchor)
    {
        if (anchor is not null)
        {
            _anchors[anchor] = node;
        }

        if (_depth == 0)
        {
            Root ??= node;
            return;
        }

        Attach(ref _frames[_depth - 1], node);
    }

    private void Push(TemplateNode container, string? tag, string? anchor, SourceLocation location)
    {
        if (_depth >= _limits.MaxDepth)
        {
            Fail($"Nesting is deeper than {_limits.MaxDepth} levels; not reading further", location);
        }

        Count(location);
        if (_depth == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        _frames[_depth++] = new Frame { Container = container, Tag = tag, Anchor = anchor, Location = location };
    }

    /// <summary>Turns <c>!Name value</c> into <c>{"Fn::Name": value}</c>; reports tags CloudFormation does not know.</summary>
    private TemplateNode WrapInTag(TemplateNode node, string? tag, SourceLocation location, NodeKind kind)
    {
        if (tag is null || IsNonSpecific(tag) || tag.StartsWith(YamlTagPrefix, StringComparison.Ordinal))
        {
            return node;
        }

        var function = ShortFormTags.FunctionFor(tag);
        if (function is null)
        {
            Diagnostics.Add(Diagnostic.Error(SyntaxRules.ParseError, $"Unknown YAML tag '{tag}' (not a CloudFormation short form; a preprocessor must expand it first)", null, location));
            return node;
        }

        // An empty `!GetAZs` (or `!GetAZs ''`) means the current region: CloudFormation reads it as "".
        if (kind == NodeKind.Scalar && node is ScalarNode { IsNull: true } empty)
        {
            node = new ScalarNode("", ScalarType.String, empty.Location);
        }

        var wrapper = new MappingNode(location, tag);
        wrapper.TryAdd(function, location, node);
        Count(location);
        return wrapper;
    }

    private void Attach(ref Frame frame, TemplateNode value)
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
                Diagnostics.Add(Diagnostic.Error(SyntaxRules.ParseError, "A mapping key must be a plain value, not a mapping, a list or a tagged value", map.Path, value.Location));
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
            Diagnostics.Add(Diagnostic.Error(
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
        Diagnostics.Add(Diagnostic.Error(SyntaxRules.ParseError, message, null, location));
        throw new LimitExceededException();
    }

    private struct Frame
    {
        public TemplateNode Container;
        public string? Tag;
        public string? Anchor;
        public SourceLocation Location;
        public string? PendingKey;
        public SourceLocation KeyLocation;
    }
}

/// <summary>A parser limit (depth, node count, alias expansion) was reached; the diagnostic is already recorded.</summary>
internal sealed class LimitExceededException : Exception;
