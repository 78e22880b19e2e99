using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Engine.Model;

namespace Strata.Engine.State;

/// <summary>How the store writes its JSON columns: compact, stable, readable with any JSON tool.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Write(JsonNode? node) => node?.ToJsonString(Options) ?? "null";

    public static JsonObject? ReadObject(string? text) =>
        string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text) as JsonObject;

    public static string WriteMap(IReadOnlyDictionary<string, string> map)
    {
        var json = new JsonObject();
        foreach (var (key, value) in map)
        {
            json[key] = value;
        }
        return Write(json);
    }

    public static Dictionary<string, string> ReadMap(string? text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ReadObject(text) is { } json)
        {
            foreach (var (key, value) in json)
            {
                result[key] = value?.GetValue<string>() ?? "";
            }
        }
        return result;
    }

    /// <summary>A JSON array of strings, written directly (every record write carries one: its dependencies).</summary>
    public static string WriteList(IReadOnlyCollection<string> items)
    {
        if (items.Count == 0)
        {
            return "[]";
        }
        using var scratch = JsonScratch.Rent();
        var writer = scratch.Writer;
        writer.WriteStartArray();
        foreach (var item in items)
        {
            writer.WriteStringValue(item);
        }
        writer.WriteEndArray();
        return System.Text.Encoding.UTF8.GetString(scratch.Written);
    }

    public static List<string> ReadList(string? text) =>
        string.IsNullOrEmpty(text) ? [] : (JsonNode.Parse(text) as JsonArray)?.Select(n => n!.GetValue<string>()).ToList() ?? [];

    public static string WriteOutputs(IEnumerable<StackOutput> outputs)
    {
        var json = new JsonArray();
        foreach (var output in outputs)
        {
            json.Add(new JsonObject
            {
                ["key"] = output.Key,
                ["value"] = output.Value,
                ["description"] = output.Description,
                ["exportName"] = output.ExportName,
            });
        }
        return Write(json);
    }

    public static List<StackOutput> ReadOutputs(string? text)
    {
        if (string.IsNullOrEmpty(text) || JsonNode.Parse(text) is not JsonArray array)
        {
            return [];
        }
        return array.OfType<JsonObject>()
            .Select(o => new StackOutput(
                o["key"]!.GetValue<string>(),
                o["value"]?.GetValue<string>() ?? "",
                o["description"]?.GetValue<string>(),
                o["exportName"]?.GetValue<string>()))
            .ToList();
    }

    public static string? WriteRootCause(RootCause? cause) => cause is null ? null : Write(new JsonObject
    {
        ["logicalId"] = cause.LogicalId,
        ["type"] = cause.Type,
        ["errorCode"] = cause.ErrorCode,
        ["message"] = cause.Message,
    });

    public static RootCause? ReadRootCause(string? text) => ReadObject(text) is { } o
        ? new RootCause(
            o["logicalId"]?.GetValue<string>() ?? "",
            o["type"]?.GetValue<string>() ?? "",
            o["errorCode"]?.GetValue<string>() ?? "",
            o["message"]?.GetValue<string>() ?? "")
        : null;
}
