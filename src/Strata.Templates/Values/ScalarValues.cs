using System.Globalization;

namespace Strata.Templates.Values;

/// <summary>A string.</summary>
public sealed class StringValue : Value
{
    public static readonly StringValue Empty = new("");

    private StringValue(string text) => Text = text;

    public string Text { get; }

    public override ValueKind Kind => ValueKind.String;

    internal static StringValue Create(string text) => text.Length == 0 ? Empty : new StringValue(text);

    public override bool TryGetText(out string text)
    {
        text = Text;
        return true;
    }

    public override bool Equals(Value? other) => other is StringValue s && string.Equals(s.Text, Text, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => System.Text.Json.Nodes.JsonValue.Create(Text).ToJsonString(ValueJson.StringOptions);
}

/// <summary>A number, keeping the text as written (<c>0.10</c> stays <c>0.10</c>).</summary>
public sealed class NumberValue : Value
{
    public NumberValue(string text) => Text = text;

    public string Text { get; }

    public override ValueKind Kind => ValueKind.Number;

    public bool TryGetDouble(out double value) =>
        double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public bool TryGetInt64(out long value) =>
        long.TryParse(Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    public override bool TryGetText(out string text)
    {
        text = Text;
        return true;
    }

    public override bool Equals(Value? other) => other is NumberValue n && string.Equals(n.Text, Text, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;
}

/// <summary>A boolean.</summary>
public sealed class BooleanValue : Value
{
    public static readonly BooleanValue True = new(true);
    public static readonly BooleanValue False = new(false);

    private BooleanValue(bool value) => Value = value;

    public bool Value { get; }

    public override ValueKind Kind => ValueKind.Boolean;

    public override bool TryGetText(out string text)
    {
        text = Value ? "true" : "false";
        return true;
    }

    public override bool Equals(Value? other) => other is BooleanValue b && b.Value == Value;

    public override int GetHashCode() => Value ? 1 : 0;

    public override string ToString() => Value ? "true" : "false";
}

/// <summary>A JSON/YAML null.</summary>
public sealed class NullValue : Value
{
    public static readonly NullValue Instance = new();

    private NullValue()
    {
    }

    public override ValueKind Kind => ValueKind.Null;

    public override bool Equals(Value? other) => other is NullValue;

    public override int GetHashCode() => 2;

    public override string ToString() => "null";
}

/// <summary><c>AWS::NoValue</c>: the map entry or list item holding it disappears.</summary>
public sealed class NoValue : Value
{
    public static readonly NoValue Instance = new();

    private NoValue()
    {
    }

    public override ValueKind Kind => ValueKind.NoValue;

    public override bool Equals(Value? other) => other is NoValue;

    public override int GetHashCode() => 3;

    public override string ToString() => "<AWS::NoValue>";
}
