using System.Text.Json.Nodes;

namespace Strata.Providers.Aws.CloudControl;

/// <summary>
/// Computes an RFC 6902 patch that turns one resource model into another, for Cloud Control's UpdateResource.
/// </summary>
/// <remarks>
/// Objects are diffed member by member (add / remove / replace, recursing into nested objects). Arrays are
/// replaced whole — their items have no identity, so an item-wise diff would be guesswork that resource handlers
/// interpret differently — except when the new array only appends items to the old one, which becomes one
/// <c>add</c> per new item at its index. Operations come out in a stable order: the old object's members first
/// (removals and changes), then the new members, each in document order.
/// </remarks>
public static class JsonPatchGenerator
{
    public static IReadOnlyList<JsonPatchOperation> Diff(JsonNode? from, JsonNode? to)
    {
        var operations = new List<JsonPatchOperation>();
        DiffValue("", from, to, operations);
        return operations;
    }

    private static void DiffValue(string path, JsonNode? from, JsonNode? to, List<JsonPatchOperation> operations)
    {
        if (JsonValueEquality.AreEqual(from, to)) return;
        switch (from, to)
        {
            case (JsonObject a, JsonObject b):
                DiffObject(path, a, b, operations);
                break;
            case (JsonArray a, JsonArray b) when IsAppendOnly(a, b):
                for (var i = a.Count; i < b.Count; i++)
                    operations.Add(new JsonPatchOperation(JsonPatchOp.Add, JsonPointer.Append(path, i), Clone(b[i])));
                break;
            default:
                operations.Add(new JsonPatchOperation(JsonPatchOp.Replace, path, Clone(to)));
                break;
        }
    }

    private static void DiffObject(string path, JsonObject from, JsonObject to, List<JsonPatchOperation> operations)
    {
        foreach (var (name, oldValue) in from)
        {
            var memberPath = JsonPointer.Append(path, name);
            if (!to.TryGetPropertyValue(name, out var newValue))
                operations.Add(new JsonPatchOperation(JsonPatchOp.Remove, memberPath));
            else
                DiffValue(memberPath, oldValue, newValue, operations);
        }
        foreach (var (name, newValue) in to)
        {
            if (!from.ContainsKey(name))
                operations.Add(new JsonPatchOperation(JsonPatchOp.Add, JsonPointer.Append(path, name), Clone(newValue)));
        }
    }

    /// <summary>The new array is the old one with items added at the end (and at least one added).</summary>
    private static bool IsAppendOnly(JsonArray from, JsonArray to)
    {
        if (to.Count <= from.Count) return false;
        for (var i = 0; i < from.Count; i++)
        {
            if (!JsonValueEquality.AreEqual(from[i], to[i])) return false;
        }
        return true;
    }

    // Nodes belong to one parent; the patch gets its own copies so the caller's models stay untouched.
    private static JsonNode? Clone(JsonNode? node) => node?.DeepClone();
}
