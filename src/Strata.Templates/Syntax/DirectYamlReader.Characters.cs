using System.Buffers;

namespace Strata.Templates.Syntax;

/// <summary>Which texts the direct reader takes at all, decided by their characters before reading.</summary>
internal sealed partial class DirectYamlReader
{
    private static readonly SearchValues<char> UnsupportedAscii = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    /// <summary>
    /// Characters whose handling differs between YAML versions or readers (control characters, NEL and the
    /// Unicode line separators, a BOM inside the text, surrogates, a CR without LF) send the text to the general reader.
    /// </summary>
    private static bool HasOnlySupportedCharacters(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny(UnsupportedAscii) >= 0)
        {
            return false;
        }

        for (var rest = span; rest.IndexOf('\r') is var cr and >= 0; rest = rest[(cr + 2)..])
        {
            if (cr + 1 >= rest.Length || rest[cr + 1] != '\n')
            {
                return false;
            }
        }

        var nonAscii = span.IndexOfAnyExceptInRange('\0', '\u007F');
        if (nonAscii < 0)
        {
            return true;
        }

        foreach (var c in span[nonAscii..])
        {
            if (c >= '\u0080' && (c < '\u00A0' || c is '\u2028' or '\u2029' or '\uFEFF' or >= '\uFFFE' || char.IsSurrogate(c)))
            {
                return false;
            }
        }

        return true;
    }
}
