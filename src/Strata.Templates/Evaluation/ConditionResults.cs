using Strata.Templates.Values;

namespace Strata.Templates.Evaluation;

/// <summary>
/// The outcome of every declared condition: true, false, or undecided (it depends on something unknown
/// offline, e.g. an SSM parameter, or it is circular). Undecided conditions keep the unknown that explains why.
/// </summary>
public sealed class ConditionResults
{
    public static readonly ConditionResults Empty = new(new Dictionary<string, Value>(StringComparer.Ordinal));

    private readonly Dictionary<string, Value> _values;

    internal ConditionResults(Dictionary<string, Value> values) => _values = values;

    public IEnumerable<string> Names => _values.Keys;

    public int Count => _values.Count;

    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>True/false when decided; null when undecided or not declared.</summary>
    public bool? this[string name] => _values.TryGetValue(name, out var v) && v is BooleanValue b ? b.Value : null;

    public bool IsDecided(string name) => this[name] is not null;

    /// <summary>The condition's value: a <see cref="BooleanValue"/>, or an <see cref="UnknownValue"/> when undecided.</summary>
    public bool TryGetValue(string name, out Value value)
    {
        if (_values.TryGetValue(name, out var v))
        {
            value = v;
            return true;
        }

        value = Value.Null;
        return false;
    }

    /// <summary>The names of conditions that could not be decided.</summary>
    public IEnumerable<string> Undecided => _values.Where(p => p.Value is not BooleanValue).Select(p => p.Key);
}
