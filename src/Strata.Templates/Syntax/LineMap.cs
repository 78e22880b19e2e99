using System.Text;

namespace Strata.Templates.Syntax;

/// <summary>
/// Turns byte offsets into 1-based line and (character) column numbers. The JSON reader asks for every token, in
/// increasing offsets, so the common case is answered from where the previous answer left off: the line by
/// stepping forward (not a binary search over all lines), the column by counting bytes on lines that are pure
/// ASCII (known from one vectorized pass at construction) and characters only on the others.
/// </summary>
internal sealed class LineMap
{
    private readonly byte[] _text;
    private readonly List<int> _lineStarts = [0];
    private readonly List<bool> _asciiLines = [];

    private int _lastLine = -1;
    private int _lastOffset;
    private int _lastColumn;

    public LineMap(byte[] text)
    {
        _text = text;
        var span = text.AsSpan();
        var offset = 0;
        while (true)
        {
            var i = span[offset..].IndexOf((byte)'\n');
            var end = i < 0 ? span.Length : offset + i + 1;
            _asciiLines.Add(Ascii.IsValid(span[offset..end]));
            if (i < 0)
            {
                break;
            }

            offset = end;
            _lineStarts.Add(offset);
        }
    }

    public SourceLocation At(long byteOffset)
    {
        var offset = (int)Math.Clamp(byteOffset, 0, _text.Length);
        var line = LineOf(offset);

        // On the line of the previous answer, count on from there: a long single-line (minified) template stays
        // linear instead of quadratic.
        int from, column;
        if (line == _lastLine && offset >= _lastOffset)
        {
            from = _lastOffset;
            column = _lastColumn;
        }
        else
        {
            from = _lineStarts[line];
            column = 1;
        }

        column += _asciiLines[line] ? offset - from : Encoding.UTF8.GetCharCount(_text, from, offset - from);
        (_lastLine, _lastOffset, _lastColumn) = (line, offset, column);
        return new SourceLocation(line + 1, column);
    }

    private int LineOf(int offset)
    {
        if (_lastLine >= 0 && offset >= _lineStarts[_lastLine])
        {
            // Forward from the previous answer; tokens are seldom many lines apart.
            var line = _lastLine;
            while (line + 1 < _lineStarts.Count && _lineStarts[line + 1] <= offset && line - _lastLine < 64)
            {
                line++;
            }
            if (line + 1 >= _lineStarts.Count || _lineStarts[line + 1] > offset)
            {
                return line;
            }
        }

        var found = _lineStarts.BinarySearch(offset);
        return found < 0 ? ~found - 1 : found;
    }
}
