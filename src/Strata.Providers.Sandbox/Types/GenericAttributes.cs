using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Strata.Providers.Sandbox.Identity;
using Strata.Templates.Spec;

namespace Strata.Providers.Sandbox.Types;

/// <summary>
/// Identity and attributes for any type in the specification, from its primary identifier, ARN template
/// and attribute names: <c>*Arn</c> becomes an ARN, <c>*Id</c> an id (EC2-prefixed where EC2 would),
/// <c>*Name</c> a CloudFormation-style name, DNS-ish names a host under the service's domain, and so on.
/// Profiles for common types run first; this fills whatever they leave out.
/// </summary>
internal static partial class GenericAttributes
{
    private const int MaxNestedDepth = 3;

    /// <summary>Chooses the physical id of a type without a profile: <c>Ref</c>'s identifier parts, joined by '|'.</summary>
    public static string ChoosePhysicalId(CreationContext c)
    {
        var identifier = c.Spec.RefIdentifier ?? c.Spec.PrimaryIdentifier;
        if (identifier.Count == 0)
        {
            return c.GeneratedName();
        }
        var parts = new List<string>(identifier.Count);
        foreach (var raw in identifier)
        {
            var name = PropertyName(raw);
            if (c.Text(name) is { } given)
            {
                parts.Add(given);
                continue;
            }
            var value = c.Spec.Attributes.ContainsKey(name)
                ? IdentifierValue(c, name)
                : c.GeneratedName(new NameRules(NameLimit(name)));
            c.Set(name, value);
            parts.Add(value);
        }
        return string.Join('|', parts);
    }

    /// <summary>Gives every attribute of the spec that the model lacks a plausible value.</summary>
    public static void Fill(CreationContext c, string physicalId)
    {
        // Deepest first, so that a parent (Endpoint) is built from its dotted children (Endpoint.Address).
        foreach (var attribute in c.Spec.Attributes.Values.OrderByDescending(a => a.Name.Count(ch => ch == '.')))
        {
            if (c.Has(attribute.Name))
            {
                continue;
            }
            c.Set(attribute.Name, Generate(c, attribute.Name, attribute.DeclaredType, physicalId, depth: 0));
        }
    }

    /// <summary>Strips the <c>/properties/</c> prefix some identifier paths carry.</summary>
    public static string PropertyName(string identifierPath)
    {
        var slash = identifierPath.LastIndexOf('/');
        return slash < 0 ? identifierPath : identifierPath[(slash + 1)..];
    }

    private static string IdentifierValue(CreationContext c, string name)
    {
        if (name.EndsWith("Arn", StringComparison.Ordinal) || name.EndsWith("ARN", StringComparison.Ordinal))
        {
            return Arn(c, name, c.GeneratedName(new NameRules(64)));
        }
        return IdLike(c, name) ?? c.GeneratedName(new NameRules(NameLimit(name)));
    }

    private static JsonNode? Generate(CreationContext c, string dottedName, TypeSpec type, string physicalId, int depth)
    {
        var name = dottedName[(dottedName.LastIndexOf('.') + 1)..];
        switch (type)
        {
            case UnionTypeSpec union:
                return Generate(c, dottedName, union.Types.FirstOrDefault(t => t is not PrimitiveTypeSpec { Kind: PrimitiveKind.Null }) ?? TypeSpec.String, physicalId, depth);
            case ListTypeSpec or MapTypeSpec:
                return type is ListTypeSpec ? new JsonArray() : new JsonObject();
            case NamedTypeSpec named:
                return NestedObject(c, dottedName, named, physicalId, depth);
            case TagTypeSpec:
                return new JsonObject();
            case PrimitiveTypeSpec primitive:
                return primitive.Kind switch
                {
                    PrimitiveKind.Integer or PrimitiveKind.Long => name.EndsWith("Port", StringComparison.Ordinal) ? 443 : 0,
                    PrimitiveKind.Number => 0,
                    PrimitiveKind.Boolean => false,
                    PrimitiveKind.Json => new JsonObject(),
                    PrimitiveKind.Timestamp => Names.Iso(c.Now),
                    _ => primitive.AllowedValues is { Count: > 0 } allowed ? allowed[0] : Text(c, name, physicalId),
                };
            default:
                return Text(c, name, physicalId);
        }
    }

    private static JsonObject NestedObject(CreationContext c, string dottedName, NamedTypeSpec named, string physicalId, int depth)
    {
        var obj = new JsonObject();
        if (depth >= MaxNestedDepth || !c.Spec.TryGetPropertyType(named, out var propertyType))
        {
            return obj;
        }
        foreach (var property in propertyType.Properties.Values)
        {
            obj[property.Name] = Generate(c, $"{dottedName}.{property.Name}", property.DeclaredType, physicalId, depth + 1);
        }
        return obj;
    }

    private static string Text(CreationContext c, string name, string physicalId)
    {
        // A nested VpcId (or any name the resource already has a top-level value for) is that value.
        if (JsonValues.ScalarText(c.Model[name]) is { Length: > 0 } known)
        {
            return known;
        }
        if (name.EndsWith("Message", StringComparison.Ordinal) || name.EndsWith("Reason", StringComparison.Ordinal)
            || name.EndsWith("Description", StringComparison.Ordinal) || name == "OutpostArn")
        {
            return "";
        }
        if (name == "HostedZoneId")
        {
            return "Z" + c.Random.UpperAlnum(13);
        }
        if (name == "SecretArn")
        {
            return c.Arn("secretsmanager", $"secret:{c.GeneratedName()}-{c.Random.Draw("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 6)}");
        }
        if (name.EndsWith("Progress", StringComparison.Ordinal))
        {
            return "100";
        }
        if (name.EndsWith("Arn", StringComparison.Ordinal) || name.EndsWith("ARN", StringComparison.Ordinal))
        {
            return Arn(c, name, physicalId);
        }
        if (name.EndsWith("Version", StringComparison.Ordinal) || name.EndsWith("VersionNumber", StringComparison.Ordinal))
        {
            return "1";
        }
        if (name.EndsWith("VersionId", StringComparison.Ordinal))
        {
            return "v1";
        }
        if (name == "Id" && !physicalId.Contains('|'))
        {
            return physicalId;
        }
        if (name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("ID", StringComparison.Ordinal))
        {
            return IdLike(c, name) ?? c.Random.LowerAlnum(10);
        }
        if (name.EndsWith("Url", StringComparison.Ordinal) || name.EndsWith("URL", StringComparison.Ordinal) || name.EndsWith("Uri", StringComparison.Ordinal))
        {
            return $"https://{HostLabel(physicalId)}.{Service(c)}.{c.Region}.{c.DnsSuffix}";
        }
        if (HostLike().IsMatch(name))
        {
            return $"{HostLabel(physicalId)}.{Service(c)}.{c.Region}.{c.DnsSuffix}";
        }
        if (name.EndsWith("Port", StringComparison.Ordinal))
        {
            return "443";
        }
        if (name.EndsWith("Name", StringComparison.Ordinal))
        {
            return physicalId.Contains(':') || physicalId.Contains('|') ? c.GeneratedName(new NameRules(NameLimit(name))) : physicalId;
        }
        if (TimeLike().IsMatch(name))
        {
            return Names.Iso(c.Now);
        }
        if (name.EndsWith("Status", StringComparison.Ordinal) || name.EndsWith("State", StringComparison.Ordinal))
        {
            return "ACTIVE";
        }
        if (name.EndsWith("Cidr", StringComparison.Ordinal) || name.EndsWith("CidrBlock", StringComparison.Ordinal))
        {
            return "10.0.0.0/16";
        }
        if (name.EndsWith("Ip", StringComparison.Ordinal) || name.EndsWith("IpAddress", StringComparison.Ordinal))
        {
            return $"10.0.{c.Random.Next(256)}.{4 + c.Random.Next(250)}";
        }
        return c.Random.LowerAlnum(12);
    }

    private static string? IdLike(CreationContext c, string name)
    {
        var prefix = Ec2IdPrefixes.For(c.TypeName, name);
        if (prefix is not null)
        {
            return Names.Ec2Id(c.Random, prefix);
        }
        if (name == "Id")
        {
            return c.TypeName.StartsWith("AWS::EC2::", StringComparison.Ordinal) ? null : c.GeneratedName();
        }
        return null;
    }

    /// <summary>An ARN from the type's template when the attribute is the type's own ARN, else a generic one.</summary>
    private static string Arn(CreationContext c, string name, string physicalId)
    {
        var isOwnArn = name is "Arn" or "ARN" || name == $"{TypeShortName(c)}Arn" || name == $"{TypeShortName(c)}ARN";
        if (isOwnArn && c.Spec.ArnTemplate is { } template)
        {
            return FillTemplate(c, template, physicalId);
        }
        var resource = Kebab(isOwnArn ? TypeShortName(c) : name[..^3]);
        var id = physicalId.Contains(':') ? physicalId[(physicalId.LastIndexOf(':') + 1)..] : physicalId.Replace('|', '/');
        return c.Arn(Service(c), $"{resource}/{id}");
    }

    private static string FillTemplate(CreationContext c, string template, string physicalId) =>
        TemplateVariable().Replace(template, match =>
        {
            var variable = match.Groups[1].Value;
            switch (variable)
            {
                case "Partition":
                    return c.Partition;
                case "Region":
                    return c.Region;
                case "Account" or "AccountId":
                    return c.AccountId;
            }
            if (JsonValues.ScalarText(JsonValues.Property(c.Model, variable)) is { Length: > 0 } value)
            {
                return value;
            }
            if (variable.EndsWith("WithPath", StringComparison.Ordinal))
            {
                return (c.Text("Path") ?? "/") + physicalId;
            }
            return physicalId.Contains('|') ? physicalId.Split('|')[^1] : physicalId;
        });

    private static string Service(CreationContext c) => c.TypeName.Split("::") is { Length: 3 } parts ? parts[1].ToLowerInvariant() : "cloud";

    private static string TypeShortName(CreationContext c) => c.TypeName.Split("::")[^1];

    private static string HostLabel(string physicalId)
    {
        var text = new StringBuilder();
        foreach (var ch in physicalId.ToLowerInvariant())
        {
            text.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '-');
        }
        var label = text.ToString().Trim('-');
        return label.Length > 63 ? label[^63..].Trim('-') : label;
    }

    private static string Kebab(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                text.Append('-');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }

    private static int NameLimit(string name) => name.EndsWith("Name", StringComparison.Ordinal) ? 128 : 255;

    [GeneratedRegex(@"(DnsName|DNSName|DomainName|Address|Endpoint|Hostname|Host)$")]
    private static partial Regex HostLike();

    [GeneratedRegex(@"(Time|Date|Timestamp|CreatedAt|UpdatedAt|Created|Modified)$")]
    private static partial Regex TimeLike();

    [GeneratedRegex(@"\$\{([A-Za-z0-9]+)\}")]
    private static partial Regex TemplateVariable();
}
