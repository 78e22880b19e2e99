namespace Strata.Templates.Syntax;

/// <summary>A list: a JSON array or a YAML sequence.</summary>
public sealed class SequenceNode : TemplateNode
{
    private readonly NodeList<TemplateNode> _items = new();

    /// <summary>Sequence indexes as path segments, made once: most lists are short.</summary>
    private static readonly string[] SmallIndexes = [.. Enumerable.Range(0, 64).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public SequenceNode(SourceLocation location)
        : base(location)
    {
    }

    public NodeList<TemplateNode> Items => _items;

    public int Count => _items.Count;

    public TemplateNode this[int index] => _items[index];

    public override NodeKind Kind => NodeKind.Sequence;

    public void Add(TemplateNode item)
    {
        item.Parent = this;
        var index = _items.Count;
        item.KeyInParent = index < SmallIndexes.Length ? SmallIndexes[index] : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _items.Add(item);
    }

    internal override TemplateNode DeepClone()
    {
        var copy = new SequenceNode(Location);
        foreach (var item in _items)
        {
            copy.Add(item.DeepClone());
        }

        return copy;
    }
}
