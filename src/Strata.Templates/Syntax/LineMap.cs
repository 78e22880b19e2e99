using System.Text;

namespace Strata.Templates.Syntax;

/// <summary>Turns byte offsets into 1-based line and (character) column numbers.</summary>
internal sealed class LineMap
{
    private readonly byte[] _text;
    private readonly List<int> _lineStarts = [0];

    public LineMap(byte[] text)
    {
        _text = text;
        var span = text.AsSpan();
        var offset = 0;
        while (true)
        {
            var i = span[offset..].IndexOf((byte)'\n');
            if (i < 0)
            {
                break;
            }

            offset += i + 1;
            _lineStarts.Add(offset);
        }
    }

    public SourceLocation At(long byteOffset)
    {
        var offset = (int)Math.Clamp(byteOffset, 0, _text.Length);
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        // Readers ask in increasing offsets; continuing from the previous answer on the same line keeps
        // a long single-line (minified) template linear instead of quadratic.
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

        column += Encoding.UTF8.GetCharCount(_text, from, offset - from);
        (_lastLine, _lastOffset, _lastColumn) = (line, offset, column);
        return new SourceLocation(line + 1, column);
    }

    private int _lastLine = -1;
    private int _lastOffset;
    private int _lastColumn;
}
