using Strata.Templates.Evaluation;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary>A scalar as written: a string, number, boolean or null.</summary>
public sealed class LiteralExpression : Expression
{
    public LiteralExpression(ScalarNode node)
        : base(node)
    {
        Value = node.Type switch
        {
            ScalarType.Number => Value.Num(node.Text),
            ScalarType.Boolean => node.AsBoolean() is { } b ? Value.Bool(b) : Value.Str(node.Text),
            ScalarType.Null => Value.Null,
            _ => Value.Str(node.Text),
        };
    }

    public ScalarNode Scalar => (ScalarNode)Node;

    public Value Value { get; }

    /// <summary>The scalar's text when it is a string (not a number, boolean or null).</summary>
    public string? StringText => Scalar.Type == ScalarType.String ? Scalar.Text : null;

    public override IReadOnlyList<Expression> Children => [];

    public override Value Evaluate(EvaluationContext context) => Value;
}

/// <summary>A list; items that evaluate to <c>AWS::NoValue</c> are removed.</summary>
public sealed class ListExpression : Expression
{
    private readonly Expression[] _items;

    public ListExpression(SequenceNode node, Expression[] items)
        : base(node) => _items = items;

    public IReadOnlyList<Expression> Items => _items;

    public override IReadOnlyList<Expression> Children => _items;

    public override Value Evaluate(EvaluationContext context)
    {
        if (_items.Length == 0)
        {
            return ListValue.Empty;
        }

        var values = new Value[_items.Length];
        var count = 0;
        foreach (var item in _items)
        {
            var v = item.Evaluate(context);
            if (v is not NoValue)
            {
                values[count++] = v;
            }
        }

        return new ListValue(count == values.Length ? values : values[..count]);
    }
}

/// <summary>A mapping that is not a function call; entries that evaluate to <c>AWS::NoValue</c> are removed.</summary>
public sealed class MapExpression : Expression
{
    private readonly KeyValuePair<string, Expression>[] _entries;
    private readonly Expression[] _values;

    public MapExpression(MappingNode node, KeyValuePair<string, Expression>[] entries)
        : base(node)
    {
        _entries = entries;
        _values = new Expression[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            _values[i] = entries[i].Value;
        }
    }

    public IReadOnlyList<KeyValuePair<string, Expression>> Entries => _entries;

    public override IReadOnlyList<Expression> Children => _values;

    public Expression? this[string key]
    {
        get
        {
            foreach (var e in _entries)
            {
                if (string.Equals(e.Key, key, StringComparison.Ordinal))
                {
                    return e.Value;
                }
            }

            return null;
        }
    }

    public override Value Evaluate(EvaluationContext context)
    {
        if (_entries.Length == 0)
        {
            return MapValue.Empty;
        }

        var values = new KeyValuePair<string, Value>[_entries.Length];
        var count = 0;
        foreach (var e in _entries)
        {
            var v = e.Value.Evaluate(context);
            if (v is not NoValue)
            {
                values[count++] = new KeyValuePair<string, Value>(e.Key, v);
            }
        }

        return new MapValue(count == values.Length ? values : values[..count]);
    }
}
