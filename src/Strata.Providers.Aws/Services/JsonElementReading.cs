using System.Globalization;
using System.Text.Json;

namespace Strata.Providers.Aws.Services;

/// <summary>
/// Lenient reading of AWS JSON responses: a member that is absent or of another type reads as null, because
/// services omit empty members freely. Amounts may come as numbers or as strings ("100.50"), timestamps as epoch
/// seconds or ISO 8601 text.
/// </summary>
internal static class JsonElementReading
{
    public static JsonElement? Member(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string? Str(this JsonElement e, string name) =>
        e.Member(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool? Bool(this JsonElement e, string name) => e.Member(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    public static int? Int(this JsonElement e, string name) =>
        e.Member(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var i) ? i : null;

    public static double? Double(this JsonElement e, string name) => e.Member(name) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.GetDouble(),
        { ValueKind: JsonValueKind.String } value when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static decimal? Decimal(this JsonElement e, string name) => e.Member(name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetDecimal(out var d) => d,
        { ValueKind: JsonValueKind.String } value when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static DateTimeOffset? Timestamp(this JsonElement e, string name) => e.Member(name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetDecimal(out var seconds) =>
            DateTimeOffset.UnixEpoch.AddTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond)),
        { ValueKind: JsonValueKind.String } value when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) => t,
        _ => null,
    };

    public static IEnumerable<JsonElement> Array(this JsonElement e, string name) =>
        e.Member(name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    public static IReadOnlyList<string> Strings(this JsonElement e, string name) =>
        e.Array(name).Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();

    /// <summary>A JSON object of strings as a dictionary (e.g. metric dimensions).</summary>
    public static IReadOnlyDictionary<string, string> StringMap(this JsonElement e, string name) =>
        e.Member(name) is { ValueKind: JsonValueKind.Object } value
            ? value.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : new Dictionary<string, string>();

    /// <summary>The next-page token, with "" read as "no more pages".</summary>
    public static string? NextToken(this JsonElement e, string name) => e.Str(name) is { Length: > 0 } token ? token : null;
}
