using System.Text;

namespace Strata.Templates.Values;

/// <summary>An immutable list. May hold unknowns (see <see cref="Value.IsFullyKnown"/>).</summary>
public sealed class ListValue : Value
{
    public static readonly ListValue Empty = new([]);

    private readonly Value[] _items;
    private readonly bool _fullyKnown;

    /// <summary>Takes ownership of <paramref name="items"/>; callers must not change the array afterwards.</summary>
    public ListValue(Value[] items)
    {
        _items = items;
        _fullyKnown = true;
        foreach (var item in items)
        {
            if (!item.IsFullyKnown)
            {
                _fullyKnown = false;
                break;
            }
        }
    }

    public IReadOnlyList<Value> Items => _items;

    public int Count => _items.Length;

    public Value this[int index] => _items[index];

    public override ValueKind Kind => ValueKind.List;

    public override bool IsFullyKnown => _fullyKnown;

    public override bool Equals(Value? other)
    {
        if (other is not ListValue list || list._items.Length != _items.Length)
        {
            return false;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (!_items[i].Equals(list._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item.GetHashCode());
        }

        return hash.ToHashCode();
    }

    public override string ToString()
    {
        var sb = new StringBuilder("[");
        for (var i = 0; i < _items.Length; i++)
        {
            sb.Append(i == 0 ? "" : ", ").Append(_items[i]);
        }

        return sb.Append(']').ToString();
    }
}
