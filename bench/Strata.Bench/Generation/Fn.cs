using System.Text.Json.Nodes;

namespace Strata.Bench.Generation;

/// <summary>
/// Builders for intrinsic function calls in long form (<c>{"Fn::If": [...]}</c>). Generated templates are
/// plain <see cref="JsonNode"/> trees; <see cref="YamlEmitter"/> turns these calls into YAML short forms.
/// </summary>
internal static class Fn
{
    public static JsonObject Ref(string name) => new() { ["Ref"] = name };

    public static JsonObject GetAtt(string resource, string attribute) =>
        new() { ["Fn::GetAtt"] = new JsonArray(resource, attribute) };

    public static JsonObject Sub(string text) => new() { ["Fn::Sub"] = text };

    public static JsonObject Join(string separator, params JsonNode?[] parts) =>
        new() { ["Fn::Join"] = new JsonArray(separator, new JsonArray(parts)) };

    public static JsonObject Select(int index, JsonNode list) =>
        new() { ["Fn::Select"] = new JsonArray(index.ToString(System.Globalization.CultureInfo.InvariantCulture), list) };

    public static JsonObject GetAZs() => new() { ["Fn::GetAZs"] = "" };

    public static JsonObject Base64(JsonNode value) => new() { ["Fn::Base64"] = value };

    public static JsonObject FindInMap(string map, JsonNode top, string second) =>
        new() { ["Fn::FindInMap"] = new JsonArray(map, top, second) };

    public static JsonObject If(string condition, JsonNode? whenTrue, JsonNode? whenFalse) =>
        new() { ["Fn::If"] = new JsonArray(condition, whenTrue, whenFalse) };

    public static JsonObject Equal(JsonNode? left, JsonNode? right) =>
        new() { ["Fn::Equals"] = new JsonArray(left, right) };

    public static JsonObject And(params JsonNode?[] conditions) => new() { ["Fn::And"] = new JsonArray(conditions) };

    public static JsonObject Or(params JsonNode?[] conditions) => new() { ["Fn::Or"] = new JsonArray(conditions) };

    public static JsonObject Not(JsonNode condition) => new() { ["Fn::Not"] = new JsonArray(condition) };

    public static JsonObject Condition(string name) => new() { ["Condition"] = name };

    public static JsonObject NoValue() => Ref("AWS::NoValue");

    public static JsonArray Tags(params (string Key, JsonNode? Value)[] tags)
    {
        var list = new JsonArray();
        foreach (var (key, value) in tags)
        {
            list.Add(new JsonObject { ["Key"] = key, ["Value"] = value });
        }

        return list;
    }
}
