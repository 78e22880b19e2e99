using System.Text.RegularExpressions;

namespace Strata.Templates.Syntax;

/// <summary>
/// Decides what a plain (unquoted) YAML scalar means using the YAML 1.2 core schema, as CloudFormation
/// does: <c>true</c>/<c>false</c> are booleans, but <c>Yes</c>/<c>On</c> stay strings (a boolean-typed
/// property still accepts them, see <see cref="ScalarNode.AsBoolean"/>).
/// </summary>
internal static partial class YamlScalarResolver
{
    public static ScalarType Resolve(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return ScalarType.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return ScalarType.Boolean;
        }

        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.') && NumberPattern().IsMatch(text))
        {
            return ScalarType.Number;
        }

        return ScalarType.String;
    }

    [GeneratedRegex(@"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
