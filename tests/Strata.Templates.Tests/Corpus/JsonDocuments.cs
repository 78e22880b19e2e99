using System.Text.Json.Nodes;

namespace Strata.Templates.Tests.Corpus;

/// <summary>Semantic comparison of JSON documents, reporting where they first differ.</summary>
internal static class JsonDocuments
{
    /// <summary>The path of the first difference (e.g. <c>/Resources/Web/Properties/Tags/0</c>), or null when equal.</summary>
    public static string? FirstDifference(JsonNode? left, JsonNode? right, string path = "")
    {
        if (JsonNode.DeepEquals(left, right))
        {
            return null;
        }

        switch (left, right)
        {
            case (JsonObject l, JsonObject r):
                foreach (var (key, value) in l)
                {
                    if (!r.TryGetPropertyValue(key, out var other))
                    {
                        return $"{path}/{key} (only on the left)";
                    }

                    if (FirstDifference(value, other, $"{path}/{key}") is { } inner)
                    {
                        return inner;
                    }
                }

                return $"{path} (keys only on the right: {string.Join(", ", r.Select(p => p.Key).Where(k => !l.ContainsKey(k)))})";
            case (JsonArray l, JsonArray r) when l.Count == r.Count:
                for (var i = 0; i < l.Count; i++)
                {
                    if (FirstDifference(l[i], r[i], $"{path}/{i}") is { } inner)
                    {
                        return inner;
                    }
                }

                return path;
            default:
                return $"{path}: {Show(left)} vs {Show(right)}";
        }
    }

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}
