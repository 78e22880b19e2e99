using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Templates.Spec;

namespace Strata.Providers.Aws.CloudControl;

/// <summary>
/// Cloud Control identifies a resource by the values of its type's primary identifier properties, joined with
/// <c>|</c> in the order the schema lists them (e.g. <c>restapi-id|resource-id</c> for
/// <c>AWS::ApiGateway::Resource</c>).
/// </summary>
public static class CloudControlIdentifier
{
    public const char Separator = '|';

    /// <summary>The identifier a model names, if it has a scalar value at every primary identifier path.</summary>
    public static bool TryCompose(ResourceTypeSpec type, JsonObject model, out string identifier) =>
        TryJoin(type.PrimaryIdentifier, model, out identifier);

    /// <summary>
    /// What <c>Ref</c> returns for a resource Cloud Control identifies as <paramref name="identifier"/>: the
    /// identifier itself, unless the type's <c>Ref</c> is a different property set (the spec's RefIdentifier), which is
    /// then read from the model or, failing that, picked out of the identifier's parts.
    /// </summary>
    public static string RefValue(ResourceTypeSpec type, string identifier, JsonObject? model)
    {
        if (type.RefIdentifier is not { Count: > 0 } refPaths || refPaths.SequenceEqual(type.PrimaryIdentifier)) return identifier;
        if (model is not null && TryJoin(refPaths, model, out var fromModel)) return fromModel;
        var parts = identifier.Split(Separator);
        if (parts.Length != type.PrimaryIdentifier.Count) return identifier;
        var picked = new List<string>();
        foreach (var path in refPaths)
        {
            var index = IndexOf(type.PrimaryIdentifier, path);
            if (index < 0) return identifier;
            picked.Add(parts[index]);
        }
        return string.Join(Separator, picked);
    }

    private static int IndexOf(IReadOnlyList<string> paths, string path)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            if (paths[i] == path) return i;
        }
        return -1;
    }

    private static bool TryJoin(IReadOnlyList<string> paths, JsonObject model, out string joined)
    {
        joined = "";
        if (paths.Count == 0) return false;
        var values = new List<string>(paths.Count);
        foreach (var path in paths)
        {
            if (Scalar(Navigate(model, path)) is not { Length: > 0 } value) return false;
            values.Add(value);
        }
        joined = string.Join(Separator, values);
        return true;
    }

    // A few types name a nested property ("Schedule/ScheduleId").
    private static JsonNode? Navigate(JsonObject model, string path)
    {
        JsonNode? node = model;
        foreach (var segment in path.Split('/'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(segment, out node)) return null;
        }
        return node;
    }

    private static string? Scalar(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;
}
