using System.Globalization;
using Strata.Templates.Spec;
using Strata.Templates.Syntax;

namespace Strata.Templates.Validation;

/// <summary>
/// Whether a literal scalar can stand for a primitive type, as CloudFormation converts values: numbers and
/// booleans are fine as strings ("5", "true"), a string is fine as an integer when it is one, YAML's plain
/// Yes/No/On/Off count as booleans where a boolean is expected.
/// </summary>
internal static class ScalarValues
{
    /// <summary>Whether the literal can be given where a value of <paramref name="kind"/> is expected.</summary>
    public static bool Fits(ScalarNode scalar, PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.String or PrimitiveKind.Timestamp => true,
        PrimitiveKind.Integer or PrimitiveKind.Long => scalar.Type switch
        {
            ScalarType.Number => !scalar.TryGetDouble(out var d) || Math.Floor(d) == d,
            ScalarType.String => long.TryParse(scalar.Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            _ => false,
        },
        PrimitiveKind.Number => scalar.Type switch
        {
            ScalarType.Number => true,
            ScalarType.String => scalar.TryGetDouble(out var d) && double.IsFinite(d),
            _ => false,
        },
        PrimitiveKind.Boolean => scalar.Type switch
        {
            ScalarType.Boolean => true,
            ScalarType.String => scalar.AsBoolean() is not null,
            _ => false,
        },
        PrimitiveKind.Null => scalar.IsNull,
        _ => true,
    };

    /// <summary>Whether the scalar is one of the allowed values (booleans and numbers compared by value).</summary>
    public static bool IsAllowed(ScalarNode scalar, IReadOnlyList<string> allowed)
    {
        foreach (var value in allowed)
        {
            if (string.Equals(value, scalar.Text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        if (scalar.Type == ScalarType.Boolean || scalar.AsBoolean() is not null)
        {
            var text = scalar.AsBoolean() == true ? "true" : "false";
            return allowed.Any(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase));
        }

        if (scalar.Type == ScalarType.Number && scalar.TryGetDouble(out var number))
        {
            return allowed.Any(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && a == number);
        }

        return false;
    }
}
