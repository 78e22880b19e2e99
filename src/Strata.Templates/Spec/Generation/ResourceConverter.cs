using System.Text.Json;
using static Strata.Templates.Spec.Generation.ServiceSpecDbReader;

namespace Strata.Templates.Spec.Generation;

/// <summary>Converts one db <c>resource</c> entity and the type definitions it owns into a <see cref="ResourceTypeSpec"/>.</summary>
internal sealed class ResourceConverter
{
    private readonly List<(string Id, string Name, JsonElement Definition)> _owned;
    private readonly Dictionary<string, string> _nameById = new(StringComparer.Ordinal);
    private readonly string _context;

    public ResourceConverter(List<(string Id, string Name, JsonElement Definition)> owned, string context)
    {
        _owned = owned;
        _context = context;
        foreach (var (id, name, _) in owned)
        {
            if (_nameById.ContainsValue(name))
            {
                throw new InvalidDataException($"{context}: two type definitions are named {name}");
            }
            _nameById.Add(id, name);
        }
    }

    public ResourceTypeSpec Convert(string name, JsonElement resource)
    {
        var propertyTypes = new Dictionary<string, PropertyTypeSpec>(StringComparer.Ordinal);
        foreach (var (_, typeName, definition) in _owned)
        {
            var where = $"{_context} type {typeName}";
            propertyTypes.Add(typeName, new PropertyTypeSpec(typeName, ConvertProperties(Member(definition, "properties", where), where)));
        }

        var attributes = new Dictionary<string, AttributeSpec>(StringComparer.Ordinal);
        foreach (var attribute in Member(resource, "attributes", _context).EnumerateObject())
        {
            var where = $"{_context} attribute {attribute.Name}";
            var (type, declared) = ConvertTypes(attribute.Value, where);
            attributes.Add(attribute.Name, new AttributeSpec(attribute.Name, type, declared));
        }

        var details = new ResourceTypeDetails(
            TagInformation: ConvertTagInformation(resource),
            RefIdentifier: resource.TryGetProperty("cfnRefIdentifier", out var refIdentifier) ? Strings(refIdentifier, "cfnRefIdentifier") : null,
            ArnTemplate: resource.TryGetProperty("arnTemplate", out _) ? Text(resource, "arnTemplate", _context) : null,
            IsStateful: resource.TryGetProperty("isStateful", out var stateful) && stateful.ValueKind == JsonValueKind.True,
            RequiredTransform: resource.TryGetProperty("cloudFormationTransform", out _) ? Text(resource, "cloudFormationTransform", _context) : null,
            AdditionalReplacementPaths: ConvertReplacementPaths(resource));

        return new ResourceTypeSpec(
            name,
            ConvertProperties(Member(resource, "properties", _context), _context),
            attributes.AsReadOnly(),
            resource.TryGetProperty("primaryIdentifier", out var primary) ? Strings(primary, "primaryIdentifier") : [],
            propertyTypes.AsReadOnly(),
            details);
    }

    private IReadOnlyDictionary<string, PropertySpec> ConvertProperties(JsonElement properties, string context)
    {
        var result = new Dictionary<string, PropertySpec>(StringComparer.Ordinal);
        foreach (var property in properties.EnumerateObject())
        {
            var where = $"{context} property {property.Name}";
            var (type, declared) = ConvertTypes(property.Value, where);
            var value = property.Value;
            var required = value.TryGetProperty("required", out var requiredFlag) && requiredFlag.ValueKind == JsonValueKind.True;
            var replacement = value.TryGetProperty("causesReplacement", out _)
                ? Text(value, "causesReplacement", where) switch
                {
                    "yes" => Replacement.Immutable,
                    "maybe" => Replacement.Conditional,
                    "no" => Replacement.Mutable,
                    var other => throw new InvalidDataException($"{where}: unknown causesReplacement \"{other}\""),
                }
                : Replacement.Mutable;
            var deprecated = value.TryGetProperty("deprecated", out _) && Text(value, "deprecated", where) != "NONE";
            result.Add(property.Name, new PropertySpec(property.Name, type, declared, required, replacement, deprecated));
        }
        return result.AsReadOnly();
    }

    // Returns (accepted type, declared type): the declared type widened with the previous types.
    private (TypeSpec Type, TypeSpec Declared) ConvertTypes(JsonElement field, string where)
    {
        var declared = ConvertType(Member(field, "type", where), where);
        var previous = new List<TypeSpec>();
        if (field.TryGetProperty("previousTypes", out var previousTypes))
        {
            foreach (var previousType in previousTypes.EnumerateArray())
            {
                previous.Add(ConvertType(previousType, where));
            }
        }
        return (TypeWidening.Widen(declared, previous), declared);
    }

    private TypeSpec ConvertType(JsonElement type, string where)
    {
        var kind = Text(type, "type", where);
        return kind switch
        {
            "string" => Primitive(PrimitiveKind.String, type, where),
            "integer" => Primitive(PrimitiveKind.Integer, type, where),
            "number" => Primitive(PrimitiveKind.Number, type, where),
            "boolean" => Primitive(PrimitiveKind.Boolean, type, where),
            "json" => Primitive(PrimitiveKind.Json, type, where),
            "date-time" => Primitive(PrimitiveKind.Timestamp, type, where),
            "null" => Primitive(PrimitiveKind.Null, type, where),
            "tag" => TypeSpec.Tag,
            "array" => new ListTypeSpec(ConvertType(Member(type, "element", where), where)),
            "map" => new MapTypeSpec(ConvertType(Member(type, "element", where), where)),
            "ref" => new NamedTypeSpec(ResolveReference(type, where)),
            "union" => new UnionTypeSpec(Member(type, "types", where).EnumerateArray().Select(member => ConvertType(member, where)).ToArray()),
            _ => throw new InvalidDataException($"{where}: unknown type \"{kind}\""),
        };
    }

    private string ResolveReference(JsonElement type, string where)
    {
        var id = Text(Member(type, "reference", where), "$ref", where);
        return _nameById.TryGetValue(id, out var name)
            ? name
            : throw new InvalidDataException($"{where}: refers to type definition {id}, which the resource does not use");
    }

    // Integer enumerations (e.g. AWS::Logs::LogGroup RetentionInDays) keep their JSON spelling, "1", "3", ...
    private static PrimitiveTypeSpec Primitive(PrimitiveKind kind, JsonElement type, string where)
    {
        if (!type.TryGetProperty("allowedValues", out var allowed))
        {
            return TypeSpec.Primitive(kind);
        }
        var values = allowed.EnumerateArray().Select(value => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new InvalidDataException($"{where}: allowed value {value.GetRawText()} is neither a string nor a number"),
        }).ToArray();
        return new PrimitiveTypeSpec(kind, Array.AsReadOnly(values));
    }

    private TagInformation? ConvertTagInformation(JsonElement resource)
    {
        if (!resource.TryGetProperty("tagInformation", out var tags))
        {
            return null;
        }
        var where = $"{_context} tagInformation";
        var variant = Text(tags, "variant", where) switch
        {
            "standard" => TagVariant.Standard,
            "asg" => TagVariant.Asg,
            "map" => TagVariant.Map,
            var other => throw new InvalidDataException($"{where}: unknown variant \"{other}\""),
        };
        return new TagInformation(Text(tags, "tagPropertyName", where), variant);
    }

    // The db repeats some paths (it merges several sources); keep each once, in first-seen order.
    private IReadOnlyList<IReadOnlyList<string>>? ConvertReplacementPaths(JsonElement resource)
    {
        if (!resource.TryGetProperty("additionalReplacementProperties", out var paths))
        {
            return null;
        }
        var distinct = new List<IReadOnlyList<string>>();
        foreach (var path in paths.EnumerateArray())
        {
            var segments = Strings(path, "additionalReplacementProperties");
            if (!distinct.Any(seen => seen.SequenceEqual(segments)))
            {
                distinct.Add(segments);
            }
        }
        return distinct.Count == 0 ? null : distinct.AsReadOnly();
    }

    private IReadOnlyList<string> Strings(JsonElement array, string name) =>
        array.ValueKind == JsonValueKind.Array
            ? Array.AsReadOnly(array.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new InvalidDataException($"{_context}: \"{name}\" holds {item.ValueKind}, expected strings")).ToArray())
            : throw new InvalidDataException($"{_context}: \"{name}\" is {array.ValueKind}, expected an array");
}
