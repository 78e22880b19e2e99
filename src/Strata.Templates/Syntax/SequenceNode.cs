namespace Strata.Templates.Syntax;

/// <summary>A list: a JSON array or a YAML sequence.</summary>
public sealed class SequenceNode : TemplateNode
{
    private readonly List<TemplateNode> _items = [];

    public SequenceNode(SourceLocation location)
        : base(location)
    {
    }

    public IReadOnlyList<TemplateNode> Items => _items;

    public int Count => _items.Count;

    public TemplateNode this[int index] => _items[index];

    public override NodeKind Kind => NodeKind.Sequence;

    public void Add(TemplateNode item)
    {
        item.Parent = this;
        item.KeyInParent = _items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
