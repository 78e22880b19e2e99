using System.Text.RegularExpressions;
using Strata.Templates.Spec;
using Strata.Templates.Syntax;

namespace Strata.Templates.Validation;

/// <summary>How much the specification can say about a resource.</summary>
internal enum ResourceKind
{
    /// <summary>The type is in the specification: properties are checked against it.</summary>
    Specified,

    /// <summary><c>Custom::*</c> or <c>AWS::CloudFormation::CustomResource</c>: free-form properties plus a ServiceToken.</summary>
    Custom,

    /// <summary>A registry-style type outside the AWS namespaces (or a module): checked structurally only.</summary>
    ThirdParty,

    /// <summary>An <c>AWS::</c>/<c>Alexa::</c> type the specification does not know, or a malformed type name.</summary>
    Unknown,

    /// <summary>No usable <c>Type</c> at all (reported by the resource configuration rule).</summary>
    Untyped,
}

/// <summary>One entry of the Resources section, with its type looked up once.</summary>
internal sealed partial class ResourceInfo
{
    public const string CustomResourceType = "AWS::CloudFormation::CustomResource";
    public const string CdkMetadataType = "AWS::CDK::Metadata";

    public ResourceInfo(MappingEntry entry, ResourceSpecification spec)
    {
        Entry = entry;
        Node = entry.Value as MappingNode;
        TypeNode = Node?["Type"];
        TypeName = TypeNode is ScalarNode { Type: ScalarType.String } t ? t.Text : null;
        (Kind, Spec) = Classify(TypeName, spec);
    }

    public string Name => Entry.Key;

    public MappingEntry Entry { get; }

    /// <summary>The resource's mapping, or null when the entry is not a mapping.</summary>
    public MappingNode? Node { get; }

    public TemplateNode? TypeNode { get; }

    public string? TypeName { get; }

    public ResourceKind Kind { get; }

    /// <summary>The specification of the type, when <see cref="Kind"/> is <see cref="ResourceKind.Specified"/>.</summary>
    public ResourceTypeSpec? Spec { get; }

    public string Path => "Resources/" + Name;

    /// <summary>A CloudFormation module (<c>Org::Service::Name::MODULE</c>): it expands into resources named after it.</summary>
    public bool IsModule => TypeName?.EndsWith("::MODULE", StringComparison.Ordinal) == true;

    private static (ResourceKind, ResourceTypeSpec?) Classify(string? typeName, ResourceSpecification spec)
    {
        if (string.IsNullOrEmpty(typeName))
        {
            return (ResourceKind.Untyped, null);
        }

        if (typeName.StartsWith("Custom::", StringComparison.Ordinal) || typeName == CustomResourceType)
        {
            return (ResourceKind.Custom, null);
        }

        if (spec.TryGetType(typeName, out var type))
        {
            return (ResourceKind.Specified, type);
        }

        // The AWS CDK adds this to every stack it synthesizes; CloudFormation accepts it though no spec lists it.
        if (typeName == CdkMetadataType)
        {
            return (ResourceKind.ThirdParty, null);
        }

        var awsNamespace = typeName.StartsWith("AWS::", StringComparison.Ordinal) || typeName.StartsWith("Alexa::", StringComparison.Ordinal);
        if (RegistryName().IsMatch(typeName) && (!awsNamespace || typeName.EndsWith("::MODULE", StringComparison.Ordinal)))
        {
            return (ResourceKind.ThirdParty, null);
        }

        return (ResourceKind.Unknown, null);
    }

    // Organization::Service::Resource, optionally a module (::MODULE), as the CloudFormation registry names types.
    [GeneratedRegex(@"^[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}(::MODULE)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryName();
}

/// <summary>One entry of the Parameters section.</summary>
internal sealed class ParameterInfo(MappingEntry entry)
{
    public string Name => Entry.Key;

    public MappingEntry Entry { get; } = entry;

    public MappingNode? Node { get; } = entry.Value as MappingNode;

    /// <summary>The declared <c>Type</c> (e.g. <c>String</c>, <c>List&lt;Number&gt;</c>), or null when missing.</summary>
    public string? Type => Intrinsics.AsName(Node?["Type"]);

    public bool IsList => Type is { } t && Intrinsics.IsListParameterType(t);
}
