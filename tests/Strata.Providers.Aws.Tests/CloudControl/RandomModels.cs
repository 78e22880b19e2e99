using System.Text.Json.Nodes;

namespace Strata.Providers.Aws.Tests.CloudControl;

/// <summary>Random resource-model-like documents and edits of them, for the patch round-trip test.</summary>
internal static class RandomModels
{
    // Names that need escaping are in the pool on purpose.
    private static readonly string[] Names = ["Name", "Tags", "a/b", "c~d", "~1", "Port", "Cfg", "x", "y", ""];

    public static JsonObject Object(Random random, int depth)
    {
        var result = new JsonObject();
        var count = random.Next(0, depth > 2 ? 3 : 6);
        for (var i = 0; i < count; i++) result[Names[random.Next(Names.Length)]] = Value(random, depth + 1);
        return result;
    }

    public static JsonNode? Value(Random random, int depth) => random.Next(depth > 3 ? 5 : 8) switch
    {
        0 => JsonValue.Create(random.Next(-5, 100)),
        1 => JsonValue.Create(random.Next(3) == 0 ? "" : "s" + random.Next(10)),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => null,
        4 => JsonValue.Create(random.Next(10) + 0.5),
        5 or 6 => Object(random, depth),
        _ => Array(random, depth),
    };

    private static JsonArray Array(Random random, int depth)
    {
        var array = new JsonArray();
        var count = random.Next(0, 4);
        for (var i = 0; i < count; i++) array.Add(Value(random, depth + 1));
        return array;
    }

    /// <summary>A copy with random edits: members changed, removed, added; arrays appended to or rewritten.</summary>
    public static JsonObject Mutate(Random random, JsonObject source)
    {
        var copy = (JsonObject)source.DeepClone();
        MutateObject(random, copy, 0);
        return copy;
    }

    private static void MutateObject(Random random, JsonObject target, int depth)
    {
        foreach (var name in target.Select(p => p.Key).ToList())
        {
            switch (random.Next(6))
            {
                case 0:
                    target.Remove(name);
                    break;
                case 1:
                    target[name] = Value(random, depth + 1);
                    break;
                case 2 when target[name] is JsonObject child:
                    MutateObject(random, child, depth + 1);
                    break;
                case 3 when target[name] is JsonArray array:
                    if (random.Next(2) == 0) array.Add(Value(random, depth + 2));
                    else if (array.Count > 0) array.RemoveAt(random.Next(array.Count));
                    break;
            }
        }
        if (random.Next(3) == 0) target[Names[random.Next(Names.Length)] + "+"] = Value(random, depth + 1);
    }
}
