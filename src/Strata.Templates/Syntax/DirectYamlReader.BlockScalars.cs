using System.Text;

namespace Strata.Templates.Syntax;

/// <summary>Literal and folded block scalars.</summary>
internal sealed partial class DirectYamlReader
{
    /// <summary>
    /// A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar with optional chomping (<c>-</c>, <c>+</c>); its
    /// indentation is that of its first line, which must be deeper than <paramref name="blockIndent"/>.
    /// </summary>
    private int ReadBlockScalar(int blockIndent, string? tag, SourceLocation location)
    {
        var text = _text;
        var literal = text[_pos] == '|';
        _pos++;
        var chomping = 0;
        if (_pos < text.Length && text[_pos] is '-' or '+')
        {
            chomping = text[_pos] == '+' ? 1 : -1;
            _pos++;
        }

        if (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] == '#'))
        {
            // Indentation indicators, and `|#` which YamlDotNet refuses.
            throw new UnsupportedException();
        }

        var headerEnd = _pos;
        SkipSpaces();
        if (_pos < text.Length && text[_pos] == '#' && _pos > headerEnd)
        {
            SkipToLineEnd();
        }

        if (_pos >= text.Length || text[_pos] is not ('\n' or '\r'))
        {
            throw new UnsupportedException();
        }

        ConsumeBreak();

        // Leading empty lines; one holding only spaces has rules of its own (YamlDotNet's W9L4, S98Z).
        var trailingBreaks = 0;
        while (_pos < text.Length && text[_pos] is '\n' or '\r')
        {
            trailingBreaks++;
            ConsumeBreak();
        }

        var lineBegin = _pos;
        while (_pos < text.Length && text[_pos] == ' ')
        {
            _pos++;
        }

        if (_pos >= text.Length || text[_pos] is '\n' or '\r')
        {
            throw new UnsupportedException();
        }

        var indent = Math.Max(Column, blockIndent + 1);
        if (Column < indent)
        {
            // No line is indented enough: the scalar is empty and this line belongs to the parent.
            if (chomping == 1)
            {
                throw new UnsupportedException();
            }

            _builder.Scalar("", plain: false, tag, null, location);
            _pos = lineBegin;
            return NextContentLine();
        }

        var value = new StringBuilder();
        var leadingBreak = false;
        var leadingBlank = false;
        int next;
        while (true)
        {
            // At a content line, after its indentation.
            var trailingBlank = text[_pos] is ' ' or '\t';
            if (!literal && leadingBreak && !leadingBlank && !trailingBlank)
            {
                if (trailingBreaks == 0)
                {
                    value.Append(' ');
                }
            }
            else if (leadingBreak)
            {
                value.Append('\n');
            }

            value.Append('\n', trailingBreaks);
            trailingBreaks = 0;
            leadingBlank = trailingBlank;

            var lineEnd = text.AsSpan(_pos).IndexOfAny('\n', '\r');
            lineEnd = lineEnd < 0 ? text.Length : _pos + lineEnd;
            value.Append(text.AsSpan(_pos, lineEnd - _pos));
            _pos = lineEnd;
            if (_pos >= text.Length)
            {
                leadingBreak = false;
                next = -1;
                break;
            }

            ConsumeBreak();
            leadingBreak = true;

            // Empty lines (up to the indentation in spaces, then the break) are kept as breaks.
            trailingBreaks += SkipEmptyLines(indent, out lineBegin, out var spaces);

            if (_pos >= text.Length)
            {
                next = -1;
                break;
            }

            if (spaces < indent)
            {
                _pos = lineBegin;
                next = NextContentLine();
                break;
            }
        }

        if (chomping != -1 && leadingBreak)
        {
            value.Append('\n');
        }

        if (chomping == 1)
        {
            value.Append('\n', trailingBreaks);
        }

        _builder.Scalar(value.ToString(), plain: false, tag, null, location);
        return next;
    }
}
