using System.Buffers;
using System.Globalization;
using System.Text;

namespace Strata.Templates.Syntax;

/// <summary>Single- and double-quoted scalars, also over several lines.</summary>
internal sealed partial class DirectYamlReader
{
    private static readonly SearchValues<char> SingleQuotedStops = SearchValues.Create("'\n\r");
    private static readonly SearchValues<char> DoubleQuotedStops = SearchValues.Create("\"\\\n\r");

    /// <summary>A quoted scalar value at the reader, which may continue on lines indented below <paramref name="blockIndent"/>.</summary>
    private string ReadQuoted(int blockIndent)
    {
        NoteQuotedScalar();
        _pos = ScanQuoted(_pos, out var value, blockIndent);
        return value;
    }

    /// <summary>
    /// A quoted scalar starting at <paramref name="start"/>; returns the position after its closing quote. With a
    /// <paramref name="blockIndent"/> it may span lines (folded as YAML folds them, the reader moving along); without
    /// one (a key) it returns -1 at a line break.
    /// </summary>
    private int ScanQuoted(int start, out string value, int? blockIndent)
    {
        var text = _text;
        var single = text[start] == '\'';
        var segment = start + 1;
        var i = segment;
        StringBuilder? builder = null;
        value = "";
        while (true)
        {
            var k = text.AsSpan(i).IndexOfAny(single ? SingleQuotedStops : DoubleQuotedStops);
            if (k < 0)
            {
                throw new UnsupportedException();
            }

            k += i;
            var c = text[k];
            if (c is '\n' or '\r')
            {
                if (blockIndent is not { } indent)
                {
                    return -1;
                }

                builder ??= new StringBuilder();
                i = segment = FoldQuotedLines(segment, k, indent, builder);
                continue;
            }

            if (single && k + 1 < text.Length && text[k + 1] == '\'')
            {
                (builder ??= new StringBuilder()).Append(text.AsSpan(segment, k - segment)).Append('\'');
                i = segment = k + 2;
                continue;
            }

            if (c == '\\')
            {
                (builder ??= new StringBuilder()).Append(text.AsSpan(segment, k - segment));
                i = segment = AppendEscape(k, builder);
                continue;
            }

            value = builder is null
                ? _strings.Get(text.AsSpan(segment, k - segment))
                : builder.Append(text.AsSpan(segment, k - segment)).ToString();
            return k + 1;
        }
    }

    /// <summary>
    /// At a line break inside a quoted scalar: the spaces before it are dropped, one break becomes a space and
    /// each further (empty) line a line feed, the next line's indentation is skipped. Returns where the text continues.
    /// </summary>
    private int FoldQuotedLines(int segment, int lineBreak, int blockIndent, StringBuilder builder)
    {
        var end = lineBreak;
        while (end > segment && _text[end - 1] == ' ')
        {
            end--;
        }

        if (end > segment && _text[end - 1] == '\t')
        {
            throw new UnsupportedException();
        }

        builder.Append(_text.AsSpan(segment, end - segment));
        _pos = lineBreak;
        ConsumeBreak();
        var breaks = 0;
        while (true)
        {
            while (Peek() == ' ')
            {
                _pos++;
            }

            if (Peek() is '\n' or '\r')
            {
                breaks++;
                ConsumeBreak();
                continue;
            }

            break;
        }

        // YamlDotNet refuses a double-quoted line at or left of the block's indentation, and document markers.
        if (Peek() is '\0' or '\t' || Column <= blockIndent || (Column == 0 && (IsDocumentMarker('-') || IsDocumentMarker('.'))))
        {
            throw new UnsupportedException();
        }

        if (breaks == 0)
        {
            builder.Append(' ');
        }
        else
        {
            builder.Append('\n', breaks);
        }

        return _pos;
    }

    /// <summary>Appends the character a double-quoted escape at <paramref name="backslash"/> stands for; returns the position after it.</summary>
    private int AppendEscape(int backslash, StringBuilder builder)
    {
        if (backslash + 1 >= _text.Length)
        {
            throw new UnsupportedException();
        }

        var simple = _text[backslash + 1] switch
        {
            '0' => '\0',
            'a' => '\a',
            'b' => '\b',
            't' or '\t' => '\t',
            'n' => '\n',
            'v' => '\v',
            'f' => '\f',
            'r' => '\r',
            'e' => '\u001B',
            ' ' => ' ',
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'N' => '\u0085',
            '_' => '\u00A0',
            'L' => '\u2028',
            'P' => '\u2029',
            _ => (char?)null,
        };
        if (simple is { } c)
        {
            builder.Append(c);
            return backslash + 2;
        }

        var digits = _text[backslash + 1] switch
        {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            // An escaped line break or an unknown escape.
            _ => throw new UnsupportedException(),
        };
        var hexStart = backslash + 2;
        if (hexStart + digits > _text.Length ||
            !int.TryParse(_text.AsSpan(hexStart, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) ||
            code is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            throw new UnsupportedException();
        }

        builder.Append(char.ConvertFromUtf32(code));
        return hexStart + digits;
    }
}
