using System.Diagnostics.CodeAnalysis;

namespace Strata.Templates.Spec;

/// <summary>Everything the specification says about one resource type, e.g. <c>AWS::EC2::Instance</c>.</summary>
public sealed class ResourceTypeSpec
{
    private static readonly IReadOnlyList<IReadOnlyList<string>> NoPaths = [];

    internal ResourceTypeSpec(
        string name,
        IReadOnlyDictionary<string, PropertySpec> properties,
        IReadOnlyDictionary<string, AttributeSpec> attributes,
        IReadOnlyList<string> primaryIdentifier,
        IReadOnlyDictionary<string, PropertyTypeSpec> propertyTypes,
        ResourceTypeDetails details)
    {
        Name = name;
        Properties = properties;
        Attributes = attributes;
        PrimaryIdentifier = primaryIdentifier;
        PropertyTypes = propertyTypes;
        TagInformation = details.TagInformation;
        RefIdentifier = details.RefIdentifier;
        ArnTemplate = details.ArnTemplate;
        IsStateful = details.IsStateful;
        RequiredTransform = details.RequiredTransform;
        AdditionalReplacementPaths = details.AdditionalReplacementPaths ?? NoPaths;
    }

    /// <summary>
    /// What every custom resource (<c>Custom::*</c>, <c>AWS::CloudFormation::CustomResource</c>) has in common, for
    /// a simulated cloud: a required <c>ServiceToken</c> that cannot change; every other property and attribute is
    /// the handler's own. The specification itself lists no such types.
    /// </summary>
    public static ResourceTypeSpec CustomResource(string typeName) => new(
        typeName,
        new Dictionary<string, PropertySpec>(StringComparer.Ordinal)
        {
            ["ServiceToken"] = new("ServiceToken", TypeSpec.String, TypeSpec.String, required: true, Replacement.Immutable, deprecated: false),
        },
        new Dictionary<string, AttributeSpec>(StringComparer.Ordinal),
        [],
        new Dictionary<string, PropertyTypeSpec>(StringComparer.Ordinal),
        new ResourceTypeDetails());

    /// <summary>The CloudFormation type name, e.g. <c>AWS::EC2::Instance</c>.</summary>
    public string Name { get; }

    /// <summary>Top-level properties by name (ordinal, case-sensitive), in the spec's order.</summary>
    public IReadOnlyDictionary<string, PropertySpec> Properties { get; }

    /// <summary><c>Fn::GetAtt</c> names, including dotted ones such as <c>Endpoint.Address</c>.</summary>
    public IReadOnlyDictionary<string, AttributeSpec> Attributes { get; }

    /// <summary>
    /// The properties/attributes that identify an instance (the Cloud Control API identifier); empty for the
    /// few types the db gives none (e.g. <c>AWS::Serverless::*</c>, <c>AWS::OpsWorks::*</c>).
    /// </summary>
    public IReadOnlyList<string> PrimaryIdentifier { get; }

    /// <summary>
    /// What <c>Ref</c> returns when it differs from <see cref="PrimaryIdentifier"/> (the db's
    /// <c>cfnRefIdentifier</c>); null means <c>Ref</c> returns the primary identifier.
    /// </summary>
    public IReadOnlyList<string>? RefIdentifier { get; }

    /// <summary>The nested structured types of this resource, by name (what <see cref="NamedTypeSpec"/> resolves to).</summary>
    public IReadOnlyDictionary<string, PropertyTypeSpec> PropertyTypes { get; }

    /// <summary>Where and how the resource carries tags; null when it is not taggable.</summary>
    public TagInformation? TagInformation { get; }

    [MemberNotNullWhen(true, nameof(TagInformation))]
    public bool IsTaggable => TagInformation is not null;

    /// <summary>The ARN pattern, e.g. <c>arn:${Partition}:s3:::${BucketName}</c>, when the db has one.</summary>
    public string? ArnTemplate { get; }

    /// <summary>The db flags the type as holding data that is lost when it is replaced or deleted.</summary>
    public bool IsStateful { get; }

    /// <summary>The transform a template must declare to use this type (e.g. <c>AWS::Serverless-2016-10-31</c>), or null.</summary>
    public string? RequiredTransform { get; }

    /// <summary>
    /// Property paths below the top level that also replace the resource when changed (e.g.
    /// <c>["CreationInfo", "OwnerUid"]</c>, <c>"*"</c> for every list item) — cases the per-property
    /// <see cref="PropertySpec.Replacement"/> cannot express.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> AdditionalReplacementPaths { get; }

    /// <summary>The CloudFormation Template Reference page for AWS types; null for other namespaces and transform types.</summary>
    public string? DocumentationUrl => DocumentationLinks.ForResourceType(Name, RequiredTransform);

    /// <summary>Resolves a <see cref="NamedTypeSpec"/> met in this resource's properties.</summary>
    public bool TryGetPropertyType(NamedTypeSpec named, [NotNullWhen(true)] out PropertyTypeSpec? propertyType) =>
        PropertyTypes.TryGetValue(named.Name, out propertyType);

    public override string ToString() => Name;
}

/// <summary>The optional, rarely-read parts of a resource type, grouped to keep the constructor readable.</summary>
internal sealed record ResourceTypeDetails(
    TagInformation? TagInformation = null,
    IReadOnlyList<string>? RefIdentifier = null,
    string? ArnTemplate = null,
    bool IsStateful = false,
    string? RequiredTransform = null,
    IReadOnlyList<IReadOnlyList<string>>? AdditionalReplacementPaths = null);

internal static class DocumentationLinks
{
    private const string TemplateReference = "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/";

    // Computed rather than stored: the page names follow the type name, so this costs nothing in the spec file.
    public static string? ForResourceType(string typeName, string? requiredTransform)
    {
        var parts = typeName.Split("::");
        if (requiredTransform is not null || parts.Length != 3 || parts[0] != "AWS")
        {
            return null;
        }
        return $"{TemplateReference}aws-resource-{parts[1].ToLowerInvariant()}-{parts[2].ToLowerInvariant()}.html";
    }
}
