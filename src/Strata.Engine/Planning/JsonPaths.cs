using System.Text.Json.Nodes;

namespace Strata.Engine.Planning;

/// <summary>Selects values along a property path where <c>*</c> stands for every item of a list or map.</summary>
internal static class JsonPaths
{
    public static List<JsonNode?> Select(JsonNode? root, IReadOnlyList<string> path, int start)
    {
        var current = new List<JsonNode?> { root };
        for (var i = start; i < path.Count; i++)
        {
            var next = new List<JsonNode?>();
            foreach (var node in current)
            {
                switch (node)
                {
                    case JsonArray array when path[i] == "*":
                        next.AddRange(array);
                        break;
                    case JsonObject obj when path[i] == "*":
                        next.AddRange(obj.Select(p => p.Value));
                        break;
                    case JsonObject obj:
                        next.Add(obj[path[i]]);
                        break;
                    default:
                        next.Add(null);
                        break;
                }
            }
            current = next;
        }
        return current;
    }
}
