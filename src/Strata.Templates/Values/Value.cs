using System.Globalization;

namespace Strata.Templates.Values;

/// <summary>
/// An immutable result of evaluating a template expression. Known values are strings, numbers (text
/// kept as written), booleans, lists, ordered maps and null; <see cref="NoValue"/> is
/// <c>AWS::NoValue</c>; <see cref="UnknownValue"/> stands for what is known only later, typed and
/// carrying the resources it waits for. Lists and maps may hold unknowns: <see cref="IsFullyKnown"/>
/// says whether anything inside is unknown.
/// </summary>
public abstract class Value : IEquatable<Value>
{
    private protected Value()
    {
    }

    public abstract ValueKind Kind { get; }

    /// <summary>False when this value or anything inside it is unknown.</summary>
    public virtual bool IsFullyKnown => true;

    public static StringValue Str(string text) => StringValue.Create(text);

    public static NumberValue Num(string text) => new(text);

    public static NumberValue Num(long number) => new(number.ToString(CultureInfo.InvariantCulture));

    public static NumberValue Num(double number) => new(number.ToString("R", CultureInfo.InvariantCulture));

    public static BooleanValue Bool(bool value) => value ? BooleanValue.True : BooleanValue.False;

    public static ListValue List(params Value[] items) => new(items);

    public static ListValue List(IEnumerable<Value> items) => new(items.ToArray());

    public static ListValue StringList(IEnumerable<string> items) => new(items.Select(s => (Value)Str(s)).ToArray());

    public static NullValue Null => NullValue.Instance;

    public static NoValue None => NoValue.Instance;

    /// <summary>
    /// The text this value stands for where CloudFormation expects a string: strings as they are,
    /// numbers as written, booleans as <c>true</c>/<c>false</c>. False for lists, maps, null and unknowns.
    /// </summary>
    public virtual bool TryGetText(out string text)
    {
        text = "";
        return false;
    }

    public abstract bool Equals(Value? other);

    public override bool Equals(object? obj) => obj is Value v && Equals(v);

    public abstract override int GetHashCode();

    /// <summary>A short, readable rendering for messages and tests (JSON-like, unknowns as <c>&lt;unknown ...&gt;</c>).</summary>
    public abstract override string ToString();
}
