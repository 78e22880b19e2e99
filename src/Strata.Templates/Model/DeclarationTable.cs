using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Strata.Templates.Model;

/// <summary>A named declaration of a template section (a parameter, resource, output...).</summary>
public interface IDeclaration
{
    string Name { get; }
}

/// <summary>The declarations of one section in template order, with lookup by exact (case-sensitive) name.</summary>
public sealed class DeclarationTable<T> : IReadOnlyList<T>
    where T : class, IDeclaration
{
    public static readonly DeclarationTable<T> Empty = new([]);

    private readonly List<T> _items;
    private readonly Dictionary<string, T> _byName;

    internal DeclarationTable(List<T> items)
    {
        _items = items;
        _byName = new Dictionary<string, T>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            _byName.TryAdd(item.Name, item);
        }
    }

    public int Count => _items.Count;

    public T this[int index] => _items[index];

    public T? this[string name] => _byName.GetValueOrDefault(name);

    public bool Contains(string name) => _byName.ContainsKey(name);

    public bool TryGet(string name, [NotNullWhen(true)] out T? item) => _byName.TryGetValue(name, out item);

    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
