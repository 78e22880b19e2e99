using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Strata.Templates.Values;

/// <summary>An immutable map that keeps its keys in template order. May hold unknowns.</summary>
public sealed class MapValue : Value
{
    public static readonly MapValue Empty = new([]);

    private readonly KeyValuePair<string, Value>[] _entries;
    private readonly bool _fullyKnown;
    private Dictionary<string, int>? _index;

    /// <summary>Takes ownership of <paramref name="entries"/>; keys must be unique.</summary>
    public MapValue(KeyValuePair<string, Value>[] entries)
    {
        _entries = entries;
        _fullyKnown = true;
        foreach (var entry in entries)
        {
            if (!entry.Value.IsFullyKnown)
            {
                _fullyKnown = false;
                break;
            }
        }
    }

    public IReadOnlyList<KeyValuePair<string, Value>> Entries => _entries;

    public int Count => _entries.Length;

    public override ValueKind Kind => ValueKind.Map;

    public override bool IsFullyKnown => _fullyKnown;

    public Value? this[string key] => TryGetValue(key, out var v) ? v : null;

    public bool TryGetValue(string key, [NotNullWhen(true)] out Value? value)
    {
        if (_entries.Length <= 8)
        {
            foreach (var e in _entries)
            {
                if (string.Equals(e.Key, key, StringComparison.Ordinal))
                {
                    value = e.Value;
                    return true;
                }
            }

            value = null;
            return false;
        }

        _index ??= BuildIndex();
        if (_index.TryGetValue(key, out var i))
        {
            value = _entries[i].Value;
            return true;
        }

        value = null;
        return false;
    }

    public override bool Equals(Value? other)
    {
        if (other is not MapValue map || map._entries.Length != _entries.Length)
        {
            return false;
        }

        // Key order does not change what a map means.
        foreach (var e in _entries)
        {
            if (!map.TryGetValue(e.Key, out var v) || !v.Equals(e.Value))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var e in _entries)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(e.Key), e.Value.GetHashCode());
        }

        return hash;
    }

    public override string ToString()
    {
        var sb = new StringBuilder("{");
        for (var i = 0; i < _entries.Length; i++)
        {
            sb.Append(i == 0 ? "" : ", ").Append(Value.Str(_entries[i].Key)).Append(": ").Append(_entries[i].Value);
        }

        return sb.Append('}').ToString();
    }

    private Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(_entries.Length, StringComparer.Ordinal);
        for (var i = 0; i < _entries.Length; i++)
        {
            index[_entries[i].Key] = i;
        }

        return index;
    }
}
