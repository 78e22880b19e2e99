using System.Collections;

namespace Strata.Templates.Syntax;

/// <summary>
/// The entries of a mapping or the items of a sequence: a read-only list to its users, appended to only while
/// the tree is built. Its enumerator is a struct, so the many <c>foreach</c> loops over a large template's
/// nodes (model building, validation, evaluation) do not allocate one enumerator object per node.
/// </summary>
public sealed class NodeList<T> : IReadOnlyList<T>
{
    private T[] _items = [];
    private int _count;

    internal NodeList()
    {
    }

    public int Count => _count;

    public T this[int index] => (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(T item)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length == 0 ? 4 : _items.Length * 2);
        }

        _items[_count++] = item;
    }

    public struct Enumerator : IEnumerator<T>
    {
        private readonly NodeList<T> _list;
        private int _index;

        internal Enumerator(NodeList<T> list)
        {
            _list = list;
            _index = -1;
        }

        public readonly T Current => _list._items[_index];

        readonly object? IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _list._count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
