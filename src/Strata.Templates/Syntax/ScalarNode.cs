using System.Globalization;

namespace Strata.Templates.Syntax;

/// <summary>What a scalar's text means, decided by the parser (JSON token type or YAML plain-scalar rules).</summary>
public enum ScalarType
{
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>
/// A leaf value. <see cref="Text"/> is kept as written, so that numbers such as <c>0.10</c> or
/// <c>012</c> are not reformatted, and a YAML plain <c>Yes</c> stays the string CloudFormation sees.
/// </summary>
public sealed class ScalarNode : TemplateNode
{
    public ScalarNode(string text, ScalarType type, SourceLocation location, bool isPlain = false)
        : base(location)
    {
        Text = text;
        Type = type;
        IsPlain = isPlain;
    }

    public string Text { get; }

    public ScalarType Type { get; }

    /// <summary>True for an unquoted YAML scalar (where YAML 1.1 would read <c>Yes</c>/<c>On</c> as booleans).</summary>
    public bool IsPlain { get; }

    public override NodeKind Kind => NodeKind.Scalar;

    public bool IsNull => Type == ScalarType.Null;

    /// <summary>The boolean this scalar stands for where a boolean is expected, as CloudFormation reads it.</summary>
    public bool? AsBoolean() => Text.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        // YAML 1.1 booleans that CloudFormation also accepts where a boolean is expected.
        "yes" or "on" when IsPlain => true,
        "no" or "off" when IsPlain => false,
        _ => null,
    };

    public bool TryGetDouble(out double value) =>
        double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    internal override TemplateNode DeepClone() => new ScalarNode(Text, Type, Location, IsPlain);
}
