using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.Providers.Aws.CloudControl;

/// <summary>
/// Structural equality of JSON values as a resource model means them: object members in any order, array items in
/// order, numbers by value (<c>90</c> equals <c>90.0</c>), strings ordinally. A patch must not churn on a value that
/// only changed its spelling.
/// </summary>
public static class JsonValueEquality
{
    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null) return left is null && right is null;
        return (left, right) switch
        {
            (JsonObject a, JsonObject b) => ObjectsEqual(a, b),
            (JsonArray a, JsonArray b) => ArraysEqual(a, b),
            (JsonValue a, JsonValue b) => ValuesEqual(a, b),
            _ => false,
        };
    }

    private static bool ObjectsEqual(JsonObject a, JsonObject b)
    {
        if (a.Count != b.Count) return false;
        foreach (var (name, value) in a)
        {
            if (!b.TryGetPropertyValue(name, out var other) || !AreEqual(value, other)) return false;
        }
        return true;
    }

    private static bool ArraysEqual(JsonArray a, JsonArray b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!AreEqual(a[i], b[i])) return false;
        }
        return true;
    }

    private static bool ValuesEqual(JsonValue a, JsonValue b)
    {
        var kind = a.GetValueKind();
        if (kind != b.GetValueKind()) return false;
        return kind switch
        {
            JsonValueKind.String => string.Equals(a.GetValue<string>(), b.GetValue<string>(), StringComparison.Ordinal),
            JsonValueKind.Number => NumbersEqual(a.ToJsonString(), b.ToJsonString()),
            // True, False, Null: the kind is the value.
            _ => true,
        };
    }

    private static bool NumbersEqual(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal)) return true;
        const NumberStyles style = NumberStyles.Float;
        if (decimal.TryParse(a, style, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, style, CultureInfo.InvariantCulture, out var y))
            return x == y;
        // Outside decimal's range (1e300): compare as doubles, which is what such a value means anyway.
        return double.TryParse(a, style, CultureInfo.InvariantCulture, out var p) && double.TryParse(b, style, CultureInfo.InvariantCulture, out var q) && p.Equals(q);
    }
}
