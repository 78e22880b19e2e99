using System.Text;

namespace Strata.Cli.Commands.Engine;

/// <summary>
/// A template file as <c>plan</c> and <c>up</c> read it, once: its bytes (the pre-flight parses these, so invalid
/// UTF-8 is reported rather than silently replaced) and, from the same bytes, the text the engine records.
/// </summary>
public sealed class TemplateFile
{
    private string? _body;

    public TemplateFile(string path, byte[] bytes)
    {
        Path = path;
        Bytes = bytes;
    }

    /// <summary>The full path.</summary>
    public string Path { get; }

    public byte[] Bytes { get; }

    /// <summary>The text, decoded as <see cref="File.ReadAllText(string)"/> would (UTF-8 unless a byte order mark says otherwise, without the mark).</summary>
    public string Body => _body ??= Decode(Bytes);

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
