using Strata.Templates.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Strata.Templates.Syntax;

/// <summary>
/// Reads YAML into the node model. The common subset of YAML that templates are written in is read by
/// <see cref="DirectYamlReader"/>, straight from the text into nodes; whatever it does not handle (anchors,
/// multi-line quoted strings, malformed input, ...) is read from YamlDotNet's event stream, which also
/// words every syntax error. Both feed the same <see cref="YamlTreeBuilder"/>, so they give the same tree.
/// </summary>
internal sealed class YamlTemplateReader
{
    private readonly string _text;
    private readonly ParserLimits _limits;
    private SourceLocation _lastLocation = new(1, 1);

    public YamlTemplateReader(string text, ParserLimits limits)
    {
        _text = text;
        _limits = limits;
    }

    public (TemplateNode? Root, IReadOnlyList<Diagnostic> Diagnostics) Read() =>
        DirectYamlReader.TryRead(_text, _limits) ?? ReadWithYamlDotNet();

    /// <summary>The general reader: YamlDotNet's events into the tree builder.</summary>
    internal (TemplateNode? Root, IReadOnlyList<Diagnostic> Diagnostics) ReadWithYamlDotNet()
    {
        var builder = new YamlTreeBuilder(_limits);
        try
        {
            ReadDocument(builder);
            return (builder.Root, builder.Diagnostics);
        }
        catch (YamlException ex)
        {
            builder.Diagnostics.Add(Diagnostic.Error(SyntaxRules.ParseError, "Invalid YAML: " + CleanMessage(ex), null, new SourceLocation((int)ex.Start.Line, (int)ex.Start.Column)));
            return (null, builder.Diagnostics);
        }
        catch (LimitExceededException)
        {
            return (null, builder.Diagnostics);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these (instead of YamlException) on some malformed input.
            builder.Diagnostics.Add(Diagnostic.Error(SyntaxRules.ParseError, "Invalid YAML: the text could not be scanned after this point", null, _lastLocation));
            return (null, builder.Diagnostics);
        }
    }

    private void ReadDocument(YamlTreeBuilder builder)
    {
        var parser = new Parser(new StringReader(_text));
        var documents = 0;
        while (parser.MoveNext())
        {
            var ev = parser.Current!;
            var location = new SourceLocation((int)ev.Start.Line, (int)ev.Start.Column);
            _lastLocation = location;
            switch (ev)
            {
                case DocumentStart when ++documents > 1:
                    builder.Diagnostics.Add(Diagnostic.Error(SyntaxRules.ParseError, "The file holds more than one YAML document; a template is one document", null, location));
                    return;
                case Scalar scalar:
                    builder.Scalar(scalar.Value, scalar.Style == ScalarStyle.Plain, TagOf(scalar.Tag), AnchorOf(scalar.Anchor), location);
                    break;
                case MappingStart start:
                    builder.StartMapping(TagOf(start.Tag), AnchorOf(start.Anchor), location);
                    break;
                case SequenceStart start:
                    builder.StartSequence(TagOf(start.Tag), AnchorOf(start.Anchor), location);
                    break;
                case MappingEnd or SequenceEnd:
                    builder.End();
                    break;
                case AnchorAlias alias:
                    builder.Alias(alias.Value.Value, location);
                    break;
            }
        }
    }

    private static string? TagOf(TagName tag) => tag.IsEmpty ? null : tag.Value;

    private static string? AnchorOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    private static string CleanMessage(YamlException ex)
    {
        // YamlDotNet prefixes "(Line: a, Col: b, Idx: c) - (Line: ...): "; the location is reported separately.
        var message = ex.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
