using System.Buffers;

namespace Strata.Templates.Syntax;

internal sealed partial class DirectYamlReader
{
    private static readonly SearchValues<char> FlowPlainStops = SearchValues.Create(" :,[]{}\n\r\t");

    /// <summary>A flow sequence (<c>[a, !Ref b, [c]]</c>) at the reader, which may span lines indented below <paramref name="blockIndent"/>.</summary>
    private void ReadFlowSequence(int blockIndent, string? tag, SourceLocation location)
    {
        _builder.StartSequence(tag, null, location);
        OpenFlow();
        SkipFlowSpace(blockIndent);
        if (Peek() == ']')
        {
            CloseFlow();
            return;
        }

        while (true)
        {
            ReadFlowNode(blockIndent);
            SkipFlowSpace(blockIndent);
            if (!NextFlowEntry(blockIndent, ']'))
            {
                return;
            }
        }
    }

    /// <summary>A flow mapping (<c>{Key: value, "Other": [1]}</c>) at the reader.</summary>
    private void ReadFlowMapping(int blockIndent, string? tag, SourceLocation location)
    {
        _builder.StartMapping(tag, null, location);
        OpenFlow();
        SkipFlowSpace(blockIndent);
        if (Peek() == '}')
        {
            CloseFlow();
            return;
        }

        while (true)
        {
            var keyStart = _pos;
            var keyLocation = Here;
            string key;
            if (Peek() is '"' or '\'')
            {
                NoteQuotedScalar();
                _pos = ScanQuoted(_pos, out key, blockIndent: null);
                if (_pos < 0)
                {
                    throw new UnsupportedException();
                }

                SkipSpaces();
            }
            else
            {
                if (Peek() == '\0' || !IsPlainStart(_pos, flow: true))
                {
                    throw new UnsupportedException();
                }

                NotePlainScalar(_pos);
                var line = ScanPlainLine(_pos, flow: true);
                if (line.Kind != PlainStop.Colon)
                {
                    // `{a}`, `{a, b: c}`, a key over two lines: entries without a value are the general reader's.
                    throw new UnsupportedException();
                }

                key = _strings.Get(_text.AsSpan(_pos, line.ContentEnd - _pos));
                _pos = line.Stop;
            }

            if (Peek() != ':' || !IsBlankOrEnd(_pos + 1) || _pos - keyStart > MaxKeyLength)
            {
                throw new UnsupportedException();
            }

            _builder.Key(key, keyLocation);
            _pos++;
            SkipFlowSpace(blockIndent);
            if (Peek() is ',' or '}' or '\0')
            {
                throw new UnsupportedException();
            }

            ReadFlowNode(blockIndent);
            SkipFlowSpace(blockIndent);
            if (!NextFlowEntry(blockIndent, '}'))
            {
                return;
            }
        }
    }

    /// <summary>After an entry: true at a comma (another entry follows), false at the closing bracket (the collection is ended).</summary>
    private bool NextFlowEntry(int blockIndent, char close)
    {
        var c = Peek();
        if (c == ',')
        {
            _pos++;
            SkipFlowSpace(blockIndent);
            if (Peek() is ']' or '}' or ',' or '\0')
            {
                // A trailing or doubled comma.
                throw new UnsupportedException();
            }

            return true;
        }

        if (c != close)
        {
            throw new UnsupportedException();
        }

        CloseFlow();
        return false;
    }

    /// <summary>One entry's node inside a flow collection.</summary>
    private void ReadFlowNode(int blockIndent)
    {
        var location = Here;
        string? tag = null;
        if (Peek() == '!')
        {
            tag = ReadTag();
            if (Peek() != ' ')
            {
                throw new UnsupportedException();
            }

            SkipSpaces();
            if (Peek() is ',' or ']' or '}' or '#' or '\n' or '\r' or '\0')
            {
                throw new UnsupportedException();
            }
        }

        switch (Peek())
        {
            case '[':
                ReadFlowSequence(blockIndent, tag, location);
                return;
            case '{':
                ReadFlowMapping(blockIndent, tag, location);
                return;
            case '"' or '\'':
                var quoted = ReadQuoted(blockIndent);
                if (Peek() is not (' ' or ',' or ']' or '}' or '\n' or '\r'))
                {
                    // `"a":b`, `"a"#`, text after the quote: YamlDotNet reads these its own way.
                    throw new UnsupportedException();
                }

                _builder.Scalar(quoted, plain: false, tag, null, location);
                return;
            default:
                if (!IsPlainStart(_pos, flow: true))
                {
                    throw new UnsupportedException();
                }

                NotePlainScalar(_pos);
                var line = ScanPlainLine(_pos, flow: true);
                if (line.Kind == PlainStop.Colon)
                {
                    // `[a: b]`, a single-pair mapping inside a sequence.
                    throw new UnsupportedException();
                }

                var value = _strings.Get(_text.AsSpan(_pos, line.ContentEnd - _pos));
                _pos = line.Stop;
                _builder.Scalar(value, plain: true, tag, null, location);
                return;
        }
    }

    /// <summary>Spaces and line breaks between flow tokens; continuation lines must be indented below the enclosing block.</summary>
    private void SkipFlowSpace(int blockIndent)
    {
        while (true)
        {
            switch (Peek())
            {
                case ' ':
                    _pos++;
                    continue;
                case '\n' or '\r':
                    ConsumeBreak();
                    while (Peek() == ' ')
                    {
                        _pos++;
                    }

                    if (Peek() is '\n' or '\r' or '\0')
                    {
                        continue;
                    }

                    if (Column <= blockIndent || (Column == 0 && (IsDocumentMarker('-') || IsDocumentMarker('.'))))
                    {
                        throw new UnsupportedException();
                    }

                    continue;
                case '\t' or '#':
                    // Comments inside flow collections, and tabs, have rules of their own.
                    throw new UnsupportedException();
                default:
                    return;
            }
        }
    }

    private void OpenFlow()
    {
        _pos++;
        _flowLevel++;
        _startFlowCollectionFetched = true;
    }

    private void CloseFlow()
    {
        _pos++;
        _flowLevel--;
        _flowCollectionFetched = true;
        _builder.End();
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';
}
