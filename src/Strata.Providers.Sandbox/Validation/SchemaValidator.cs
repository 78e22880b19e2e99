using System.Globalization;
using System.Text.Json.Nodes;
using Strata.Templates.Spec;

namespace Strata.Providers.Sandbox.Validation;

/// <summary>
/// Checks a desired state against its type's schema the way a handler's input validation would:
/// unknown properties, missing required ones, values of the wrong kind, values outside the allowed
/// set. Scalars are compared leniently where CloudFormation converts (a number where a string is
/// expected, "true" for a boolean), since resolved template values often arrive as strings.
/// </summary>
internal static class SchemaValidator
{
    private const int MaxReported = 5;

    /// <summary>The problems found, each naming the property path; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(ResourceTypeSpec spec, JsonObject desired)
    {
        var problems = new List<string>();
        CheckObject(spec, spec.Properties, desired, "", problems);
        return problems;
    }

    private static void CheckObject(ResourceTypeSpec spec, IReadOnlyDictionary<string, PropertySpec> properties, JsonObject value, string path, List<string> problems)
    {
        foreach (var (name, child) in value)
        {
            var childPath = path.Length == 0 ? name : $"{path}.{name}";
            if (!properties.TryGetValue(name, out var property))
            {
                var owner = path.Length == 0 ? spec.Name : $"{path} of {spec.Name}";
                Report(problems, $"'{childPath}' is not a property of {owner}{Suggestion(name, properties.Keys)}");
                continue;
            }
            if (child is not null)
            {
                CheckValue(spec, property.Type, child, childPath, problems);
            }
        }
        foreach (var property in properties.Values)
        {
            if (property.Required && value[property.Name] is null)
            {
                var childPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                Report(problems, $"required property '{childPath}' of {spec.Name} is missing");
            }
        }
    }

    private static void CheckValue(ResourceTypeSpec spec, TypeSpec type, JsonNode value, string path, List<string> problems)
    {
        switch (type)
        {
            case UnionTypeSpec union:
                var firstProblems = (List<string>?)null;
                foreach (var member in union.Types)
                {
                    var memberProblems = new List<string>();
                    CheckValue(spec, member, value, path, memberProblems);
                    if (memberProblems.Count == 0)
                    {
                        return;
                    }
                    firstProblems ??= memberProblems;
                }
                foreach (var problem in firstProblems ?? [])
                {
                    Report(problems, problem);
                }
                return;
            case ListTypeSpec list:
                if (value is not JsonArray array)
                {
                    Report(problems, $"'{path}' must be a list (got {JsonValues.Describe(value)})");
                    return;
                }
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        CheckValue(spec, list.Item, item, $"{path}[{i}]", problems);
                    }
                }
                return;
            case MapTypeSpec map:
                if (value is not JsonObject mapObject)
                {
                    Report(problems, $"'{path}' must be an object of key/value pairs (got {JsonValues.Describe(value)})");
                    return;
                }
                foreach (var (key, item) in mapObject)
                {
                    if (item is not null)
                    {
                        CheckValue(spec, map.Value, item, $"{path}.{key}", problems);
                    }
                }
                return;
            case NamedTypeSpec named:
                if (value is not JsonObject structure)
                {
                    Report(problems, $"'{path}' must be an object ({named.Name}) (got {JsonValues.Describe(value)})");
                    return;
                }
                if (spec.TryGetPropertyType(named, out var propertyType))
                {
                    CheckObject(spec, propertyType.Properties, structure, path, problems);
                }
                return;
            case TagTypeSpec:
                if (value is not JsonObject tag || tag["Key"] is null || tag["Value"] is null)
                {
                    Report(problems, $"'{path}' must be a tag, an object with Key and Value");
                }
                return;
            case PrimitiveTypeSpec primitive:
                CheckScalar(primitive, value, path, problems);
                return;
        }
    }

    private static void CheckScalar(PrimitiveTypeSpec primitive, JsonNode value, string path, List<string> problems)
    {
        var ok = primitive.Kind switch
        {
            PrimitiveKind.String or PrimitiveKind.Timestamp => JsonValues.ScalarText(value) is not null,
            PrimitiveKind.Integer or PrimitiveKind.Long => JsonValues.TryGetLenientNumber(value, out var n) && n == Math.Floor(n),
            PrimitiveKind.Number => JsonValues.TryGetLenientNumber(value, out _),
            PrimitiveKind.Boolean => JsonValues.TryGetLenientBoolean(value, out _),
            PrimitiveKind.Null => false,
            _ => true,
        };
        if (!ok)
        {
            Report(problems, $"'{path}' must be {Article(primitive.Kind)} (got {JsonValues.Describe(value)})");
            return;
        }
        if (primitive.AllowedValues is { Count: > 0 } allowed && JsonValues.ScalarText(value) is { } text
            && !allowed.Any(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase)))
        {
            Report(problems, $"'{path}' value '{text}' is not allowed (expected one of {string.Join(", ", allowed)})");
        }
    }

    private static string Article(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.String => "a string",
        PrimitiveKind.Integer or PrimitiveKind.Long => "a whole number",
        PrimitiveKind.Number => "a number",
        PrimitiveKind.Boolean => "true or false",
        PrimitiveKind.Timestamp => "a timestamp",
        PrimitiveKind.Null => "null",
        _ => kind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static string Suggestion(string name, IEnumerable<string> known)
    {
        var match = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        return match is null ? "" : $" (did you mean '{match}'?)";
    }

    private static void Report(List<string> problems, string problem)
    {
        if (problems.Count < MaxReported)
        {
            problems.Add(problem);
        }
    }
}
