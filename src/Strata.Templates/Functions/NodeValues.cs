using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary>Converts literal nodes (mapping values, parameter defaults) straight to values.</summary>
public static class NodeValues
{
    /// <summary>The value a literal node stands for; function calls inside are kept as maps.</summary>
    public static Value FromNode(TemplateNode node)
    {
        // Depth is bounded by the parser's nesting limit.
        switch (node)
        {
            case ScalarNode s:
                return s.Type switch
                {
                    ScalarType.Number => Value.Num(s.Text),
                    ScalarType.Boolean => s.AsBoolean() is { } b ? Value.Bool(b) : Value.Str(s.Text),
                    ScalarType.Null => Value.Null,
                    _ => Value.Str(s.Text),
                };
            case SequenceNode seq:
                var items = new Value[seq.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = FromNode(seq[i]);
                }

                return new ListValue(items);
            case MappingNode map:
                var entries = new KeyValuePair<string, Value>[map.Count];
                for (var i = 0; i < entries.Length; i++)
                {
                    entries[i] = new(map.Entries[i].Key, FromNode(map.Entries[i].Value));
                }

                return new MapValue(entries);
            default:
                return Value.Null;
        }
    }
}
