using System.Text;

namespace Strata.Templates.Tests.Syntax;

/// <summary>
/// Seeded random YAML documents in the shapes templates take (nested block mappings and sequences, sequences at
/// their key's indentation, `- key:` items, `- - ` items, flow collections, tags alone on their line), with every
/// scalar style and the awkward parts around them: block scalars with each chomping, empty and space-only lines
/// inside them, multi-line plain and quoted scalars, comments and blank lines between entries, CRLF, no final break.
/// </summary>
internal sealed class YamlDocumentGenerator(int seed)
{
    private static readonly string[] Words =
    [
        "a", "b c", "x:y", "1", "-2", ".5", "true", "Yes", "null", "~", "é", "a#b", "http://x/y", "[not]", "{not}", "a, b",
        ":80", "-x", "it's", "q\"q", "::1", "Fn::If", "arn:aws:s3:::b/*", "  ", "", "0x1F", "1e3", "a  b",
    ];

    private readonly Random _random = new(seed);

    public string Next()
    {
        var text = new StringBuilder();
        if (_random.Next(5) == 0)
        {
            text.Append("---\n");
        }

        Mapping(text, 0, 0);
        var yaml = text.ToString();
        if (_random.Next(8) == 0)
        {
            yaml = yaml.Replace("\n", "\r\n", StringComparison.Ordinal);
        }

        return _random.Next(4) == 0 ? yaml.TrimEnd('\n', '\r') : yaml;
    }

    private string Word() => Words[_random.Next(Words.Length)];

    private void Mapping(StringBuilder text, int indent, int depth)
    {
        var count = _random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            Noise(text);
            text.Append(' ', indent).Append(_random.Next(6) == 0 ? $"'k{i}'" : $"k{i}").Append(':');
            Node(text, indent, depth, inSequence: false);
        }
    }

    private void Sequence(StringBuilder text, int indent, int depth)
    {
        var count = _random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            Noise(text);
            text.Append(' ', indent).Append('-');
            switch (_random.Next(4))
            {
                case 0 when depth < 4:
                    text.Append(" c: v\n").Append(' ', indent + 2).Append("d:");
                    Node(text, indent + 2, depth + 1, inSequence: false);
                    break;
                case 1 when depth < 4:
                    text.Append(" - n1\n").Append(' ', indent + 2).Append("- n2\n");
                    break;
                default:
                    Node(text, indent, depth, inSequence: true);
                    break;
            }
        }
    }

    /// <summary>What follows <c>key:</c> or <c>-</c>.</summary>
    private void Node(StringBuilder text, int indent, int depth, bool inSequence)
    {
        var kind = depth > 3 ? _random.Next(3) : _random.Next(7);
        switch (kind)
        {
            case 0:
                text.Append(' ').Append(Scalar(indent, flow: false)).Append('\n');
                return;
            case 1:
                text.Append(' ').Append(Flow(0)).Append(_random.Next(5) == 0 ? " # c" : "").Append('\n');
                return;
            case 2:
                text.Append(_random.Next(3) == 0 ? " # c" : "").Append('\n');
                return;
        }

        text.Append(_random.Next(5) == 0 ? " !If" : "").Append('\n');
        if (kind <= 4)
        {
            Mapping(text, indent + 2, depth + 1);
        }
        else
        {
            Sequence(text, _random.Next(3) == 0 && !inSequence ? indent : indent + 2, depth + 1);
        }
    }

    private string Scalar(int indent, bool flow)
    {
        var word = Word();
        switch (_random.Next(flow ? 3 : 7))
        {
            case 0:
                return "'" + word.Replace("'", "''", StringComparison.Ordinal) + "'";
            case 1:
                return "\"" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) +
                    (_random.Next(4) == 0 ? "\\t\\u00e9\\x41" : "") + "\"";
            case 2:
                var plainless = word.Length == 0 || word.Trim() != word || word[0] is '[' or '{' or '\'' || word.Contains(", ", StringComparison.Ordinal);
                return plainless ? "p" : word;
            case 3:
                return BlockScalar(indent);
            case 4:
                return "p1" + (_random.Next(2) == 0 ? "\n" : "\n\n") + new string(' ', indent + 1 + _random.Next(3)) + "p2 p3";
            case 5:
                var quote = _random.Next(2) == 0 ? "'" : "\"";
                return quote + "m1 " + (_random.Next(2) == 0 ? "\n" : "\n\n") + new string(' ', indent + 1 + _random.Next(3)) + "m2" + quote;
            default:
                return "!Ref r" + _random.Next(9);
        }
    }

    private string BlockScalar(int indent)
    {
        var text = new StringBuilder(new[] { "|", ">", "|-", ">-", "|+", ">+" }[_random.Next(6)]);
        if (_random.Next(5) == 0)
        {
            text.Append(" # h");
        }

        text.Append('\n');
        var lines = _random.Next(1, 6);
        for (var i = 0; i < lines; i++)
        {
            var kind = _random.Next(8);
            if (kind == 0)
            {
                text.Append('\n');
            }
            else if (kind == 1 && i > 0)
            {
                text.Append(' ', _random.Next(1, indent + 4)).Append('\n');
            }
            else
            {
                var extra = kind == 2 && i > 0 ? _random.Next(1, 3) : 0;
                text.Append(' ', indent + 2 + extra).Append(Word()).Append(_random.Next(6) == 0 ? "  " : "").Append('\n');
            }
        }

        return text.ToString().TrimEnd('\n') + (_random.Next(3) == 0 ? "\n" : "");
    }

    private string Flow(int depth)
    {
        if (depth > 2 || _random.Next(3) == 0)
        {
            return Scalar(0, flow: true);
        }

        var count = _random.Next(0, 4);
        return _random.Next(2) == 0
            ? "[" + string.Join(", ", Enumerable.Range(0, count).Select(_ => (_random.Next(5) == 0 ? "!Ref " : "") + Flow(depth + 1))) + "]"
            : "{" + string.Join(", ", Enumerable.Range(0, count).Select(i => $"k{i}: " + Flow(depth + 1))) + "}";
    }

    private void Noise(StringBuilder text)
    {
        switch (_random.Next(12))
        {
            case 0:
                text.Append('\n');
                break;
            case 1:
                text.Append(' ', _random.Next(1, 5)).Append('\n');
                break;
            case 2:
                text.Append(' ', _random.Next(0, 5)).Append("# note\n");
                break;
        }
    }
}
