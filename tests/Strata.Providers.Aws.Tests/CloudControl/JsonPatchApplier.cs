using System.Globalization;
using System.Text.Json.Nodes;

namespace Strata.Providers.Aws.Tests.CloudControl;

/// <summary>
/// Applies an RFC 6902 patch (add, remove, replace) to a document, written straight from the RFC's section 4 as
/// the independent check of the generator: diff(a, b) applied to a must give b. Verified on its own against the
/// RFC's appendix A examples.
/// </summary>
public static class JsonPatchApplier
{
    public static JsonNode? Apply(JsonNode? document, JsonArray patch)
    {
        var root = document?.DeepClone();
        foreach (var operation in patch.Cast<JsonObject>())
        {
            var op = operation["op"]!.GetValue<string>();
            var path = operation["path"]!.GetValue<string>();
            root = op switch
            {
                "add" => Add(root, path, operation["value"]?.DeepClone()),
                "remove" => Remove(root, path),
                "replace" => Add(Remove(root, path), path, operation["value"]?.DeepClone()),
                _ => throw new InvalidOperationException($"Unsupported op '{op}'."),
            };
        }
        return root;
    }

    private static JsonNode? Add(JsonNode? root, string path, JsonNode? value)
    {
        if (path.Length == 0) return value;
        var (parent, token) = Parent(root, path);
        switch (parent)
        {
            case JsonObject o:
                o[token] = value;
                break;
            case JsonArray a:
                var index = token == "-" ? a.Count : Index(token, a.Count);
                a.Insert(index, value);
                break;
            default:
                throw new InvalidOperationException($"Cannot add at {path}: the parent is not a container.");
        }
        return root;
    }

    private static JsonNode? Remove(JsonNode? root, string path)
    {
        if (path.Length == 0) return null;
        var (parent, token) = Parent(root, path);
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(token):
                o.Remove(token);
                break;
            case JsonArray a:
                a.RemoveAt(Index(token, a.Count - 1));
                break;
            default:
                throw new InvalidOperationException($"Cannot remove {path}: it does not exist.");
        }
        return root;
    }

    private static (JsonNode Parent, string Token) Parent(JsonNode? root, string path)
    {
        if (!path.StartsWith('/')) throw new InvalidOperationException($"'{path}' is not a JSON Pointer.");
        var tokens = path[1..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToList();
        var node = root;
        foreach (var token in tokens.Take(tokens.Count - 1))
        {
            node = node switch
            {
                JsonObject o => o[token],
                JsonArray a => a[Index(token, a.Count - 1)],
                _ => null,
            } ?? throw new InvalidOperationException($"'{path}' goes through a missing member '{token}'.");
        }
        return (node ?? throw new InvalidOperationException("No document."), tokens[^1]);
    }

    private static int Index(string token, int max)
    {
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > max || (token.Length > 1 && token[0] == '0'))
            throw new InvalidOperationException($"'{token}' is not a valid array index here.");
        return index;
    }
}
