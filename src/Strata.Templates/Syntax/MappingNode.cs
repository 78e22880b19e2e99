using System.Diagnostics.CodeAnalysis;

namespace Strata.Templates.Syntax;

/// <summary>One key of a mapping, with the key's own position (diagnostics about a key point at it).</summary>
public sealed record MappingEntry(string Key, SourceLocation KeyLocation, TemplateNode Value);

/// <summary>
/// An ordered mapping: a JSON object or a YAML mapping. Keys are unique; the parser reports duplicates.
/// Lookups are by exact, case-sensitive key as in CloudFormation.
/// </summary>
public sealed class MappingNode : TemplateNode
{
    private readonly NodeList<MappingEntry> _entries = new();
    private Dictionary<string, int>? _index;

    public MappingNode(SourceLocation location, string? shortFormTag = null)
        : base(location)
    {
        ShortFormTag = shortFormTag;
    }

    public NodeList<MappingEntry> Entries => _entries;

    public int Count => _entries.Count;

    /// <summary>The YAML tag (<c>!Ref</c>) this mapping was written as, or null for long form.</summary>
    public string? ShortFormTag { get; }

    public override NodeKind Kind => NodeKind.Mapping;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    /// <summary>Adds an entry; returns false (and adds nothing) when the key is already present.</summary>
    public bool TryAdd(string key, SourceLocation keyLocation, TemplateNode value)
    {
        if (ContainsKey(key))
        {
            return false;
        }

        value.Parent = this;
        value.KeyInParent = key;
        _entries.Add(new MappingEntry(key, keyLocation, value));
        if (_index is not null)
        {
            _index[key] = _entries.Count - 1;
        }
        else if (_entries.Count > 8)
        {
            BuildIndex();
        }

        return true;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [NotNullWhen(true)] out TemplateNode? value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _entries[i].Value : null;
        return value is not null;
    }

    public TemplateNode? this[string key] => TryGetValue(key, out var v) ? v : null;

    public MappingEntry? GetEntry(string key)
    {
        var i = IndexOf(key);
        return i >= 0 ? _entries[i] : null;
    }

    /// <summary>When this mapping is a single-key intrinsic function call (<c>{"Fn::X": ...}</c>), its name and argument.</summary>
    public bool TryGetSingleEntry([NotNullWhen(true)] out MappingEntry? entry)
    {
        entry = _entries.Count == 1 ? _entries[0] : null;
        return entry is not null;
    }

    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var i) ? i : -1;
        }

        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void BuildIndex()
    {
        _index = new Dictionary<string, int>(_entries.Count * 2, StringComparer.Ordinal);
        for (var i = 0; i < _entries.Count; i++)
        {
            _index[_entries[i].Key] = i;
        }
    }

    internal override TemplateNode DeepClone()
    {
        var copy = new MappingNode(Location, ShortFormTag);
        foreach (var e in _entries)
        {
            copy.TryAdd(e.Key, e.KeyLocation, e.Value.DeepClone());
        }

        return copy;
    }
}
