using System.Text;
using Strata.Templates.Diagnostics;

namespace Strata.Templates.Syntax;

/// <summary>
/// Reads a template file or text into a <see cref="ParsedDocument"/>. Never throws for bad input: a
/// missing file, a directory, binary data, an empty file, an oversized file, malformed JSON/YAML and
/// hostile nesting all come back as one clear diagnostic.
/// </summary>
public static class TemplateParser
{
    /// <summary>Deepest nesting accepted; real templates stay far below (the deepest in the corpus is under 30).</summary>
    public const int MaxNestingDepth = 256;

    public static ParsedDocument ParseFile(string path, ParserLimits? limits = null)
    {
        limits ??= ParserLimits.Default;
        if (Directory.Exists(path))
        {
            return Unreadable(path, "is a directory, not a template file") with { IsUnreadable = true };
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Unreadable(path, "does not exist") with { IsUnreadable = true };
            }

            if (info.Length > limits.MaxBytes)
            {
                return Unreadable(path, $"is {FormatSize(info.Length)}; Strata reads templates up to {FormatSize(limits.MaxBytes)} (CloudFormation accepts at most 1 MB)", info.Length);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(path, "cannot be read: " + ex.Message) with { IsUnreadable = true };
        }

        return Parse(bytes, path, limits);
    }

    public static ParsedDocument ParseText(string text, string fileName = "template", ParserLimits? limits = null) =>
        Parse(Encoding.UTF8.GetBytes(text), fileName, limits ?? ParserLimits.Default);

    public static ParsedDocument Parse(byte[] bytes, string fileName, ParserLimits? limits = null)
    {
        limits ??= ParserLimits.Default;
        if (bytes.Length > limits.MaxBytes)
        {
            return Unreadable(fileName, $"is {FormatSize(bytes.Length)}; Strata reads templates up to {FormatSize(limits.MaxBytes)} (CloudFormation accepts at most 1 MB)", bytes.Length);
        }

        var offset = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        var body = bytes.AsSpan(offset);
        if (body.IndexOf((byte)0) >= 0 || !System.Text.Unicode.Utf8.IsValid(body))
        {
            return Unreadable(fileName, "holds binary data, not UTF-8 text", bytes.Length);
        }

        var first = FirstNonWhitespace(body);
        if (first < 0)
        {
            return Unreadable(fileName, "is empty", bytes.Length);
        }

        var format = LooksLikeJson(body[first], fileName) ? TemplateFormat.Json : TemplateFormat.Yaml;
        var (root, diagnostics) = format == TemplateFormat.Json
            ? new JsonTemplateReader(bytes, offset, limits).Read()
            : new YamlTemplateReader(Encoding.UTF8.GetString(body), limits).Read();

        if (root is null && diagnostics.Count == 0)
        {
            diagnostics = [Diagnostic.Error(SyntaxRules.ParseError, "The file holds no YAML document (only comments)", null, new SourceLocation(1, 1))];
        }

        return new ParsedDocument(fileName, format, root, diagnostics, bytes.Length);
    }

    private static bool LooksLikeJson(byte first, string fileName)
    {
        var ext = System.IO.Path.GetExtension(fileName);
        var yamlByName = ext.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || ext.Equals(".yml", StringComparison.OrdinalIgnoreCase);

        // JSON is almost YAML, but not quite (tabs, escapes): a document that opens with '{' is JSON unless
        // the file says it is YAML, in which case a flow mapping is parsed by the YAML reader.
        return first == (byte)'{' && !yamlByName;
    }

    private static int FirstNonWhitespace(ReadOnlySpan<byte> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return i;
            }
        }

        return -1;
    }

    private static ParsedDocument Unreadable(string path, string reason, long length = 0) =>
        new(path, TemplateFormat.Json, null, [Diagnostic.Error(SyntaxRules.Unreadable, $"{path} {reason}")], length);

    internal static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024.0):0.#} MiB",
        >= 1024 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} bytes",
    };
}
