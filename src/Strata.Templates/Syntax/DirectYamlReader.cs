using Strata.Templates.Diagnostics;

namespace Strata.Templates.Syntax;

/// <summary>
/// Reads the YAML that templates are written in straight from the text into nodes, without YamlDotNet's
/// token and event objects (which cost most of the time and garbage of reading a large template).
/// <para>
/// It covers one document of block mappings and sequences (including sequences at their key's
/// indentation, <c>- key:</c> and <c>- -</c> items), flow collections, plain and quoted scalars (also over
/// several lines), literal and folded block scalars with chomping, local tags (<c>!Ref</c>) and comments.
/// Anything else (anchors and aliases, <c>!!</c> and verbatim tags, explicit keys, indentation indicators,
/// directives, tabs outside scalars, unusual characters) and every malformed input makes it give up,
/// and <see cref="YamlTemplateReader"/> reads the text with YamlDotNet instead, which also words the
/// syntax errors. Giving up is always safe; accepting is held to YamlDotNet's reading of the same text
/// (same values, styles, tags and positions) by tests that compare both readers over the corpus, mutated
/// copies of it, and generated documents.
/// </para>
/// </summary>
internal sealed partial class DirectYamlReader
{
    private readonly string _text;
    private readonly YamlTreeBuilder _builder;
    private readonly StringPool _strings = new();
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _flowLevel;
    private bool _flowScalarFetched;
    private bool _flowCollectionFetched;
    private bool _startFlowCollectionFetched;

    private DirectYamlReader(string text, ParserLimits limits)
    {
        _text = text;
        _builder = new YamlTreeBuilder(limits);
    }

    /// <summary>The tree and findings, or null when the text is outside the subset this reader handles.</summary>
    public static (TemplateNode? Root, IReadOnlyList<Diagnostic> Diagnostics)? TryRead(string text, ParserLimits limits)
    {
        if (!HasOnlySupportedCharacters(text))
        {
            return null;
        }

        var reader = new DirectYamlReader(text, limits);
        try
        {
            return reader.ReadDocument() ? (reader._builder.Root, reader._builder.Diagnostics) : null;
        }
        catch (UnsupportedException)
        {
            return null;
        }
        catch (LimitExceededException)
        {
            // The general reader reaches the same limit and reports it with its position.
            return null;
        }
    }

    private SourceLocation Here => new(_line, _pos - _lineStart + 1);

    private int Column => _pos - _lineStart;

    private bool ReadDocument()
    {
        var indent = NextContentLine(allowDocumentStart: true);
        if (indent == 0 && IsDocumentMarker('-'))
        {
            _pos += 3;
            indent = FinishLine();
        }

        if (indent < 0)
        {
            return false;
        }

        int next;
        if (_text[_pos] == '{')
        {
            ReadFlowMapping(-1, null, Here);
            next = FinishLine();
        }
        else if (TryScanKey(out var key))
        {
            next = ReadBlockMapping(indent, null, default, key);
        }
        else
        {
            return false;
        }

        // Anything after the root (a second document, '...', stray text) is for the general reader to word.
        return next < 0;
    }

    /// <summary>A block mapping whose first key (at column <paramref name="column"/>) is <paramref name="first"/>; returns the indentation of the line after it.</summary>
    private int ReadBlockMapping(int column, string? tag, SourceLocation tagLocation, ScannedKey first)
    {
        _builder.StartMapping(tag, null, tag is null ? first.Location : tagLocation);
        var key = first;
        while (true)
        {
            if (key.Quoted)
            {
                NoteQuotedScalar();
            }
            else
            {
                NotePlainScalar(key.Start);
            }

            _builder.Key(key.Text, key.Location);
            _pos = key.AfterColon;
            var next = ReadMappingValue(column);
            if (next != column)
            {
                if (next > column)
                {
                    throw new UnsupportedException();
                }

                _builder.End();
                return next;
            }

            if (!TryScanKey(out key))
            {
                throw new UnsupportedException();
            }
        }
    }

    /// <summary>The value after <c>Key:</c>, on the same line or the lines below.</summary>
    private int ReadMappingValue(int mappingColumn)
    {
        var afterColon = Here;
        SkipSpaces();
        if (AtLineEndOrComment())
        {
            return ReadNodeOnFollowingLines(FinishLine(), mappingColumn, indentlessSequence: true, null, afterColon, default);
        }

        return ReadInlineNode(mappingColumn, inSequence: false);
    }

    /// <summary>A block sequence whose first <c>-</c> is at the reader's position (column <paramref name="column"/>).</summary>
    private int ReadBlockSequence(int column, string? tag, SourceLocation tagLocation)
    {
        _builder.StartSequence(tag, null, tag is null ? Here : tagLocation);
        while (true)
        {
            _pos++;
            var afterDash = Here;
            SkipSpaces();
            var next = AtLineEndOrComment()
                ? ReadNodeOnFollowingLines(FinishLine(), column, indentlessSequence: false, null, afterDash, default)
                : ReadInlineNode(column, inSequence: true);
            if (next == column && IsDashEntry())
            {
                continue;
            }

            if (next > column)
            {
                throw new UnsupportedException();
            }

            // Below the column, or at it with a key of the mapping an indentless sequence belongs to.
            _builder.End();
            return next;
        }
    }

    /// <summary>
    /// The node of <c>Key:</c> or <c>-</c> when nothing followed on its line: a collection or scalar indented
    /// below it, a sequence at the key's own column, or else an empty (null) scalar.
    /// </summary>
    private int ReadNodeOnFollowingLines(int next, int parentColumn, bool indentlessSequence, string? tag, SourceLocation emptyLocation, SourceLocation tagLocation)
    {
        if (next > parentColumn)
        {
            if (IsDashEntry())
            {
                return ReadBlockSequence(next, tag, tagLocation);
            }

            if (TryScanKey(out var key))
            {
                return ReadBlockMapping(next, tag, tagLocation, key);
            }

            if (_text[_pos] == '!')
            {
                if (tag is not null)
                {
                    throw new UnsupportedException();
                }

                // `Key:` then `!Sub text` (or `!If` and its list below) on the lines below.
                tagLocation = Here;
                tag = ReadTag();
                SkipSpaces();
                if (AtLineEndOrComment())
                {
                    return ReadNodeOnFollowingLines(FinishLine(), parentColumn, indentlessSequence, tag, default, tagLocation);
                }
            }

            return ReadInlineContent(parentColumn, tag, tagLocation, allowBlockScalar: tag is not null);
        }

        if (next == parentColumn && indentlessSequence && IsDashEntry())
        {
            return ReadBlockSequence(next, tag, tagLocation);
        }

        _builder.Scalar("", plain: true, tag, null, tag is null ? emptyLocation : tagLocation);
        return next;
    }

    /// <summary>A node that starts on the current line after <c>Key: </c> or <c>- </c>.</summary>
    private int ReadInlineNode(int blockIndent, bool inSequence)
    {
        if (_text[_pos] == '!')
        {
            var tagLocation = Here;
            var tag = ReadTag();
            SkipSpaces();
            if (AtLineEndOrComment())
            {
                return ReadNodeOnFollowingLines(FinishLine(), blockIndent, indentlessSequence: !inSequence, tag, default, tagLocation);
            }

            return ReadInlineContent(blockIndent, tag, tagLocation, allowBlockScalar: true);
        }

        if (inSequence && IsDashEntry())
        {
            // `- - item`: a sequence inside the entry, its dashes at this column.
            return ReadBlockSequence(Column, null, default);
        }

        if (inSequence && TryScanKey(out var key))
        {
            // `- Key: value`: a mapping whose keys line up with this first one.
            return ReadBlockMapping(Column, null, default, key);
        }

        return ReadInlineContent(blockIndent, null, default, allowBlockScalar: true);
    }

    /// <summary>A scalar or flow collection (not a key), with its tag already read.</summary>
    private int ReadInlineContent(int blockIndent, string? tag, SourceLocation tagLocation, bool allowBlockScalar)
    {
        var location = tag is null ? Here : tagLocation;
        switch (_text[_pos])
        {
            case '[':
                ReadFlowSequence(blockIndent, tag, location);
                return FinishLine();
            case '{':
                ReadFlowMapping(blockIndent, tag, location);
                return FinishLine();
            case '|' or '>' when allowBlockScalar:
                return ReadBlockScalar(blockIndent, tag, location);
            case '"' or '\'':
                _builder.Scalar(ReadQuoted(blockIndent), plain: false, tag, null, location);
                return FinishLine();
            default:
                if (!IsPlainStart(_pos, flow: false))
                {
                    throw new UnsupportedException();
                }

                return ReadPlainScalar(blockIndent, tag, location);
        }
    }

    private bool IsDashEntry() => _text[_pos] == '-' && IsBlankOrEnd(_pos + 1);

    /// <summary>From the start of a line: skips blank and comment lines; returns the column of the next content (the reader at it), or -1 at the end.</summary>
    private int NextContentLine(bool allowDocumentStart = false)
    {
        var text = _text;
        while (true)
        {
            while (_pos < text.Length && text[_pos] == ' ')
            {
                _pos++;
            }

            if (_pos >= text.Length)
            {
                return -1;
            }

            switch (text[_pos])
            {
                case '\n' or '\r':
                    ConsumeBreak();
                    continue;
                case '#':
                    SkipToLineEnd();
                    if (_pos < text.Length)
                    {
                        ConsumeBreak();
                    }

                    continue;
                case '\t':
                    throw new UnsupportedException();
            }

            if (Column == 0 && !allowDocumentStart && (IsDocumentMarker('-') || IsDocumentMarker('.')))
            {
                throw new UnsupportedException();
            }

            return Column;
        }
    }

    /// <summary>After a node on its line: spaces, maybe a comment, the line break; then <see cref="NextContentLine"/>.</summary>
    private int FinishLine()
    {
        SkipSpaces();
        if (_pos < _text.Length && _text[_pos] == '#')
        {
            if (_text[_pos - 1] != ' ')
            {
                // `]#` or `"x"#`: YamlDotNet refuses some of these; let it decide.
                throw new UnsupportedException();
            }

            SkipToLineEnd();
        }

        if (_pos < _text.Length)
        {
            if (_text[_pos] is not ('\n' or '\r'))
            {
                throw new UnsupportedException();
            }

            ConsumeBreak();
        }

        return NextContentLine();
    }

    private bool AtLineEndOrComment() => _pos >= _text.Length || _text[_pos] is '\n' or '\r' or '#';

    private bool IsBlankOrEnd(int index) => index >= _text.Length || _text[index] is ' ' or '\n' or '\r' or '\t';

    private bool IsDocumentMarker(char c) =>
        _pos + 2 < _text.Length && _text[_pos] == c && _text[_pos + 1] == c && _text[_pos + 2] == c && IsBlankOrEnd(_pos + 3);

    private void SkipSpaces()
    {
        while (_pos < _text.Length && _text[_pos] == ' ')
        {
            _pos++;
        }

        if (_pos < _text.Length && _text[_pos] == '\t')
        {
            throw new UnsupportedException();
        }
    }

    private void SkipToLineEnd()
    {
        var end = _text.AsSpan(_pos).IndexOfAny('\n', '\r');
        _pos = end < 0 ? _text.Length : _pos + end;
    }

    /// <summary>Steps over the line break at the reader (CR LF or LF; a lone CR never gets here).</summary>
    /// <summary>
    /// Skips the lines that hold nothing but spaces (at most <paramref name="maxSpaces"/> of them are taken per line)
    /// and their breaks. Returns how many breaks it skipped; <paramref name="lineBegin"/> is where the next line
    /// starts and <paramref name="spaces"/> how many of its leading spaces were taken.
    /// </summary>
    private int SkipEmptyLines(int maxSpaces, out int lineBegin, out int spaces)
    {
        var text = _text;
        var breaks = 0;
        while (true)
        {
            lineBegin = _pos;
            spaces = 0;
            while (spaces < maxSpaces && _pos < text.Length && text[_pos] == ' ')
            {
                _pos++;
                spaces++;
            }

            if (_pos < text.Length && text[_pos] is '\n' or '\r')
            {
                breaks++;
                ConsumeBreak();
                continue;
            }

            return breaks;
        }
    }

    private void ConsumeBreak()
    {
        _pos += _text[_pos] == '\r' ? 2 : 1;
        _line++;
        _lineStart = _pos;
    }

    /// <summary>Thrown where the text leaves the subset this reader handles; caught in <see cref="TryRead"/>.</summary>
    private sealed class UnsupportedException : Exception;
}
