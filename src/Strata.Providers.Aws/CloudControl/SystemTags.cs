using System.Text.Json.Nodes;
using Strata.Templates.Spec;

namespace Strata.Providers.Aws.CloudControl;

/// <summary>
/// Puts Strata's own tags (<c>strata:stack</c>, ...) into a resource's desired state, in the property and shape
/// its type uses for tags: a <c>[{Key, Value}]</c> list, the Auto Scaling <c>[{Key, Value, PropagateAtLaunch}]</c>
/// list, or a string map. They are what cost allocation groups spending by.
/// </summary>
/// <remarks>
/// A template tag with the same key is overridden: <c>strata:</c> keys belong to the platform. The template's
/// own tags keep their order and Strata's follow, sorted by key, so the same inputs always give the same model
/// and an update's patch does not churn on tag order.
/// </remarks>
public static class SystemTags
{
    /// <summary>
    /// A copy of <paramref name="desired"/> with the tags merged in; an untaggable type, an unknown type or a tag
    /// property of a shape this code does not recognise comes back unchanged.
    /// </summary>
    public static JsonObject Merge(JsonObject desired, ResourceTypeSpec? type, IReadOnlyDictionary<string, string> tags)
    {
        var result = (JsonObject)desired.DeepClone();
        if (tags.Count == 0 || type is not { IsTaggable: true }) return result;
        var info = type.TagInformation;
        var sorted = tags.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        result.TryGetPropertyValue(info.TagPropertyName, out var existing);
        JsonNode? merged = info.Variant switch
        {
            TagVariant.Map => MergeMap(existing, sorted),
            TagVariant.Asg => MergeList(existing, sorted, propagateAtLaunch: true),
            _ => MergeList(existing, sorted, propagateAtLaunch: false),
        };
        if (merged is not null) result[info.TagPropertyName] = merged;
        return result;
    }

    private static JsonArray? MergeList(JsonNode? existing, List<KeyValuePair<string, string>> tags, bool propagateAtLaunch)
    {
        if (existing is not (null or JsonArray)) return null;
        var list = new JsonArray();
        foreach (var item in (existing as JsonArray) ?? [])
        {
            var key = (item as JsonObject)?["Key"] is JsonValue k && k.TryGetValue<string>(out var s) ? s : null;
            if (key is not null && tags.Any(t => t.Key == key)) continue;
            list.Add(item?.DeepClone());
        }
        foreach (var (key, value) in tags)
        {
            var tag = new JsonObject { ["Key"] = key, ["Value"] = value };
            if (propagateAtLaunch) tag["PropagateAtLaunch"] = true;
            list.Add(tag);
        }
        return list;
    }

    private static JsonObject? MergeMap(JsonNode? existing, List<KeyValuePair<string, string>> tags)
    {
        if (existing is not (null or JsonObject)) return null;
        var map = existing is JsonObject o ? (JsonObject)o.DeepClone() : [];
        foreach (var (key, value) in tags) map[key] = value;
        return map;
    }
}
