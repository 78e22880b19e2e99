using System.Globalization;
using System.Text;
using Strata.Templates.Syntax;
using Strata.Templates.Tests.Support;

namespace Strata.Templates.Tests.Syntax;

/// <summary>
/// Runs both YAML readers on one text: <see cref="DirectYamlReader"/> (which may decline) and the YamlDotNet
/// reader, and renders each result (every node's kind, position, text, type, style, tag, key positions,
/// and the diagnostics) as text, so a disagreement shows as a readable difference.
/// </summary>
internal static class YamlReaderAgreement
{
    public static string? Direct(string yaml) =>
        DirectYamlReader.TryRead(yaml, ParserLimits.Default) is { } result ? Render(result.Root, result.Diagnostics) : null;

    public static string General(string yaml)
    {
        var (root, diagnostics) = new YamlTemplateReader(yaml, ParserLimits.Default).ReadWithYamlDotNet();
        return Render(root, diagnostics);
    }

    /// <summary>Every YAML template of the shared corpus, in ordinal order.</summary>
    public static List<string> CorpusFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Corpus, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The text as <see cref="TemplateParser"/> hands it to the YAML reader (UTF-8 without a BOM).</summary>
    public static string ReadText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var offset = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, offset, bytes.Length - offset);
    }

    private static string Render(TemplateNode? root, IReadOnlyList<Strata.Templates.Diagnostics.Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        foreach (var d in diagnostics)
        {
            text.Append("! ").Append(d.Rule).Append(' ').Append(d.Location).Append(' ').Append(d.Path).Append(' ').AppendLine(d.Message);
        }

        if (root is not null)
        {
            Render(root, text, 0);
        }

        return text.ToString();
    }

    private static void Render(TemplateNode node, StringBuilder text, int depth)
    {
        text.Append(' ', depth * 2).Append('@').Append(node.Location.ToString());
        switch (node)
        {
            case ScalarNode scalar:
                text.Append(" scalar ").Append(scalar.Type).Append(scalar.IsPlain ? " plain " : " quoted ").AppendLine(Escape(scalar.Text));
                break;
            case SequenceNode sequence:
                text.AppendLine(" sequence");
                foreach (var item in sequence.Items)
                {
                    Render(item, text, depth + 1);
                }

                break;
            case MappingNode mapping:
                text.Append(" mapping").AppendLine(mapping.ShortFormTag is { } tag ? " " + tag : "");
                foreach (var entry in mapping.Entries)
                {
                    text.Append(' ', depth * 2 + 1).Append("key @").Append(entry.KeyLocation.ToString()).Append(' ').AppendLine(Escape(entry.Key));
                    Render(entry.Value, text, depth + 1);
                }

                break;
        }
    }

    private static string Escape(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
