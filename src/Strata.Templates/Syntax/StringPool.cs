namespace Strata.Templates.Syntax;

/// <summary>
/// One string per distinct short text while reading one template: keys (<c>Type</c>, <c>Properties</c>,
/// <c>Value</c>) and common values (<c>String</c>, resource types, logical ids in <c>!Ref</c>) repeat
/// thousands of times in a large template, and sharing them keeps the tree smaller and the collector's
/// work shorter. Not thread-safe; one pool per reader.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Longer texts are rarely repeated; hashing them would cost more than it saves.</summary>
    private const int MaxPooledLength = 48;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return "";
        }

        if (text.Length > MaxPooledLength)
        {
            return new string(text);
        }

        if (_lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var created = new string(text);
        _strings.Add(created);
        return created;
    }
}
