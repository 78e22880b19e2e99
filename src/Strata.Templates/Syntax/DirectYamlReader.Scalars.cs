using System.Buffers;
using System.Text;

namespace Strata.Templates.Syntax;

/// <summary>Keys, plain scalars and tags.</summary>
internal sealed partial class DirectYamlReader
{
    /// <summary>YamlDotNet accepts simple keys up to 1,024 characters; longer ones are its to refuse.</summary>
    private const int MaxKeyLength = 1000;

    private static readonly SearchValues<char> BlockPlainStops = SearchValues.Create(" :\n\r\t");

    private enum PlainStop
    {
        LineEnd,
        Comment,
        Colon,
        FlowIndicator,
    }

    /// <summary>A key found by <see cref="TryScanKey"/>: its text, where it starts, and the position after its colon.</summary>
    private readonly record struct ScannedKey(string Text, SourceLocation Location, int Start, bool Quoted, int AfterColon);

    /// <summary>One line of a plain scalar: where its text ends (without trailing spaces), and where and why it stopped.</summary>
    private readonly record struct PlainLine(int ContentEnd, int Stop, PlainStop Kind);

    /// <summary>Whether a block mapping key (<c>Key:</c> or <c>"Key":</c>) starts at the reader; does not move it.</summary>
    private bool TryScanKey(out ScannedKey key)
    {
        key = default;
        var start = _pos;
        if (Column == 0 && (IsDocumentMarker('-') || IsDocumentMarker('.')))
        {
            throw new UnsupportedException();
        }

        string text;
        int colon;
        if (_text[start] is '"' or '\'')
        {
            var end = ScanQuoted(start, out text, blockIndent: null);
            if (end < 0)
            {
                // A quoted scalar over several lines is a value, not a key.
                return false;
            }

            colon = end;
            while (colon < _text.Length && _text[colon] == ' ')
            {
                colon++;
            }

            if (colon >= _text.Length || _text[colon] != ':' || !IsBlankOrEnd(colon + 1))
            {
                return false;
            }
        }
        else
        {
            if (!IsPlainStart(start, flow: false))
            {
                return false;
            }

            var line = ScanPlainLine(start);
            if (line.Kind != PlainStop.Colon)
            {
                return false;
            }

            colon = line.Stop;
            text = _strings.Get(_text.AsSpan(start, line.ContentEnd - start));
        }

        if (colon - start > MaxKeyLength)
        {
            throw new UnsupportedException();
        }

        key = new ScannedKey(text, Here, start, _text[start] is '"' or '\'', colon + 1);
        return true;
    }

    /// <summary>A plain scalar in block context, continued over more-indented lines (folded as YAML folds them).</summary>
    private int ReadPlainScalar(int blockIndent, string? tag, SourceLocation location)
    {
        var text = _text;
        var start = _pos;
        var line = ScanPlainLine(start);
        if (line.Kind == PlainStop.Colon)
        {
            // `Key: a: b` or a key where a value belongs.
            throw new UnsupportedException();
        }

        NotePlainScalar(start);

        var first = text.AsSpan(start, line.ContentEnd - start);
        _pos = line.Stop;
        StringBuilder? value = null;
        int next;
        while (true)
        {
            if (line.Kind == PlainStop.Comment)
            {
                SkipToLineEnd();
                next = EndLineAndContinue();
                break;
            }

            if (_pos >= text.Length)
            {
                next = -1;
                break;
            }

            ConsumeBreak();
            var breaks = SkipEmptyLines(int.MaxValue, out var lineBegin, out _);

            if (_pos >= text.Length)
            {
                next = -1;
                break;
            }

            if (text[_pos] == '\t')
            {
                throw new UnsupportedException();
            }

            if (Column <= blockIndent || text[_pos] == '#')
            {
                _pos = lineBegin;
                next = NextContentLine();
                break;
            }

            value ??= new StringBuilder().Append(first);
            if (breaks == 0)
            {
                value.Append(' ');
            }
            else
            {
                value.Append('\n', breaks);
            }

            var lineStart = _pos;
            line = ScanPlainLine(lineStart);
            if (line.Kind == PlainStop.Colon)
            {
                throw new UnsupportedException();
            }

            value.Append(text.AsSpan(lineStart, line.ContentEnd - lineStart));
            _pos = line.Stop;
        }

        _builder.Scalar(value?.ToString() ?? _strings.Get(first), plain: true, tag, null, location);
        return next;
    }

    /// <summary>
    /// Scans one line of a plain scalar from <paramref name="start"/>: up to <c>: </c>, a comment or the line end,
    /// and in flow context also up to a flow indicator (a comment there is declined: the fallback reader words it).
    /// </summary>
    private PlainLine ScanPlainLine(int start, bool flow = false)
    {
        var text = _text;
        var stops = flow ? FlowPlainStops : BlockPlainStops;
        var end = start;
        var i = start;
        while (true)
        {
            var k = text.AsSpan(i).IndexOfAny(stops);
            if (k < 0)
            {
                return new PlainLine(text.Length > i ? text.Length : end, text.Length, PlainStop.LineEnd);
            }

            k += i;
            if (k > i)
            {
                end = k;
            }

            switch (text[k])
            {
                case '\n' or '\r':
                    return new PlainLine(end, k, PlainStop.LineEnd);
                case '\t':
                    throw new UnsupportedException();
                case ' ':
                    if (k + 1 < text.Length && text[k + 1] == '#')
                    {
                        return flow ? throw new UnsupportedException() : new PlainLine(end, k + 1, PlainStop.Comment);
                    }

                    break;
                case ':':
                    if (IsBlankOrEnd(k + 1) || (flow && text[k + 1] is ',' or '[' or ']' or '{' or '}'))
                    {
                        return new PlainLine(end, k, PlainStop.Colon);
                    }

                    end = k + 1;
                    break;
                default:
                    // Only flow context stops at the remaining characters: , [ ] { }
                    return new PlainLine(end, k, PlainStop.FlowIndicator);
            }

            i = k + 1;
        }
    }

    /// <summary>Whether a plain scalar may start at <paramref name="index"/> (the conservative side of YAML's rule).</summary>
    private bool IsPlainStart(int index, bool flow)
    {
        if (index >= _text.Length)
        {
            return false;
        }

        switch (_text[index])
        {
            case ' ' or '\t' or '\n' or '\r':
            case '?' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`':
                return false;
            case ':':
                // `:80`, `:iot` in a !Join list; in flow context a colon there has other meanings.
                return !flow && !IsBlankOrEnd(index + 1);
            case '-':
                var next = index + 1;
                return !IsBlankOrEnd(next) && _text[next] is not (',' or '[' or ']' or '{' or '}' or '#');
            default:
                return true;
        }
    }

    /// <summary>
    /// Keeps YamlDotNet's bookkeeping of what came last: a plain scalar that starts with a colon right after a
    /// flow collection (or a quoted scalar inside one) loses that colon there. Such text goes to the general reader.
    /// </summary>
    private void NotePlainScalar(int start)
    {
        if (_text[start] == ':' && (_flowScalarFetched || (_flowCollectionFetched && !_startFlowCollectionFetched)))
        {
            throw new UnsupportedException();
        }

        _flowScalarFetched = _flowCollectionFetched = _startFlowCollectionFetched = false;
    }

    private void NoteQuotedScalar() => _flowScalarFetched = _flowLevel > 0;

    /// <summary>A local tag (<c>!Ref</c>, <c>!Rain::Embed</c>): a letter or digit, then letters, digits and <c>:-_./</c>, then a space or the line end.</summary>
    private string ReadTag()
    {
        var start = _pos;
        _pos++;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is ':' or '-' or '_' or '.' or '/'))
        {
            _pos++;
        }

        if (_pos == start + 1 || !char.IsAsciiLetterOrDigit(_text[start + 1]) || !IsBlankOrEnd(_pos) || (_pos < _text.Length && _text[_pos] == '\t'))
        {
            // `!!str`, `!<verbatim>`, a lone `!`, `!Ref,`, `!a%20b`: the general reader's business.
            throw new UnsupportedException();
        }

        return _strings.Get(_text.AsSpan(start, _pos - start));
    }

    /// <summary>After a comment or scalar ended the line: the break, then <see cref="NextContentLine"/>.</summary>
    private int EndLineAndContinue()
    {
        if (_pos < _text.Length)
        {
            ConsumeBreak();
        }

        return NextContentLine();
    }
}
