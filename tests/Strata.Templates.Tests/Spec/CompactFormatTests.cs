using Strata.Templates.Spec;
using Strata.Templates.Spec.Compact;
using Strata.Templates.Spec.Generation;

namespace Strata.Templates.Tests.Spec;

/// <summary>The compact file format on hand-built types: every shape round-trips, bad files fail clearly.</summary>
public sealed class CompactFormatTests
{
    private static readonly SpecSource Source = new("@aws-cdk/aws-service-spec", "9.9.9");

    [Fact]
    public void Write_EveryTypeShape_LoadsBackEqual()
    {
        var written = SampleTypes();

        var spec = ResourceSpecification.Load(new MemoryStream(CompactSpecWriter.Write(written, Source)));

        Assert.Equal(written.Count, spec.TypeCount);
        foreach (var expected in written)
        {
            Assert.True(spec.TryGetType(expected.Name, out var actual));
            Assert.Null(SpecDifference.Find(expected, actual));
        }
        Assert.Equal("9.9.9", spec.SourceVersion);
    }

    [Fact]
    public void Write_TinyBlocks_SpreadsTypesOverBlocksThatDecodeIndependently()
    {
        var written = SampleTypes();
        var bytes = CompactSpecWriter.Write(written, Source, blockTarget: 1);

        var spec = ResourceSpecification.Load(new MemoryStream(bytes));

        // Decode in reverse so no block is already inflated by its predecessor's lookup.
        foreach (var expected in written.AsEnumerable().Reverse())
        {
            Assert.True(spec.TryGetType(expected.Name, out var actual));
            Assert.Null(SpecDifference.Find(expected, actual));
        }
    }

    [Fact]
    public void Write_DuplicateTypeName_Throws()
    {
        var type = Resource("AWS::Test::Twice", []);

        Assert.Throws<ArgumentException>(() => CompactSpecWriter.Write([type, type], Source));
    }

    [Fact]
    public void SpecDifference_ChangedRequiredFlag_NamesTheProperty()
    {
        var required = Resource("AWS::Test::Thing", [Property("Name", TypeSpec.String, required: true)]);
        var optional = Resource("AWS::Test::Thing", [Property("Name", TypeSpec.String, required: false)]);

        Assert.Equal("AWS::Test::Thing property Name: Required True vs False", SpecDifference.Find(required, optional));
    }

    [Fact]
    public void Load_EmptyStream_ThrowsInvalidDataNamingTheFormat()
    {
        var error = Assert.Throws<InvalidDataException>(() => ResourceSpecification.Load(new MemoryStream()));

        Assert.Contains("not a Strata resource specification", error.Message);
    }

    [Fact]
    public void Load_OtherFormatVersion_ThrowsAndSaysHowToRegenerate()
    {
        var bytes = CompactSpecWriter.Write(SampleTypes(), Source);
        bytes[CompactFormat.Magic.Length] = 99;

        var error = Assert.Throws<InvalidDataException>(() => ResourceSpecification.Load(new MemoryStream(bytes)));

        Assert.Contains("format 99", error.Message);
        Assert.Contains("tools/regen-spec.sh", error.Message);
    }

    [Fact]
    public void TryGetType_CorruptBlock_ThrowsNamingTheType()
    {
        var written = SampleTypes();
        var bytes = CompactSpecWriter.Write(written, Source);
        // Blocks follow the index, so the file's tail belongs to the (single) block and the index still loads.
        Array.Fill(bytes, (byte)0xA5, bytes.Length - 40, 40);
        var spec = ResourceSpecification.Load(new MemoryStream(bytes));

        var error = Assert.Throws<InvalidDataException>(() => spec.TryGetType(written[0].Name, out _));

        Assert.Contains($"cannot decode {written[0].Name}", error.Message);
    }

    [Fact]
    public void Load_NonSeekableStream_ReadsTheWholeFile()
    {
        var bytes = CompactSpecWriter.Write(SampleTypes(), Source);

        var spec = ResourceSpecification.Load(new ForwardOnlyStream(bytes));

        Assert.Equal(SampleTypes().Count, spec.TypeCount);
    }

    private static List<ResourceTypeSpec> SampleTypes()
    {
        var color = new PrimitiveTypeSpec(PrimitiveKind.String, ["red", "green"]);
        var widened = new UnionTypeSpec([new ListTypeSpec(new NamedTypeSpec("Rule")), TypeSpec.Json]);
        var everything = Resource("AWS::Test::Everything",
            [
                Property("Color", color, replacement: Replacement.Immutable, required: true),
                Property("Colors", new ListTypeSpec(color), replacement: Replacement.Conditional),
                Property("Labels", new MapTypeSpec(TypeSpec.String)),
                Property("Rules", widened, declaredType: new ListTypeSpec(new NamedTypeSpec("Rule"))),
                Property("Size", new PrimitiveTypeSpec(PrimitiveKind.Integer, ["1", "3"]), deprecated: true),
                Property("When", TypeSpec.Timestamp),
                Property("Anything", new UnionTypeSpec([TypeSpec.Null, TypeSpec.Number, TypeSpec.Long, TypeSpec.Any, TypeSpec.Boolean])),
                Property("Tags", new ListTypeSpec(TypeSpec.Tag)),
            ],
            propertyTypes: [new PropertyTypeSpec("Rule", Properties([Property("Nested", new MapTypeSpec(new ListTypeSpec(new NamedTypeSpec("Rule"))))]))],
            attributes: [new AttributeSpec("Endpoint.Address", TypeSpec.String, TypeSpec.String), new AttributeSpec("Count", widened, TypeSpec.Json)],
            details: new ResourceTypeDetails(
                new TagInformation("Tags", TagVariant.Asg), ["Id", "Name"], "arn:${Partition}:test:::${Id}", IsStateful: true,
                RequiredTransform: "AWS::Test-2020", AdditionalReplacementPaths: [["Rules", "*", "Nested"]]),
            primaryIdentifier: ["Id"]);
        return [Resource("AWS::Test::Bare", []), everything, Resource("AWS::Test::Zed", [Property("Name", TypeSpec.String)])];
    }

    private static ResourceTypeSpec Resource(string name, PropertySpec[] properties, PropertyTypeSpec[]? propertyTypes = null,
        AttributeSpec[]? attributes = null, ResourceTypeDetails? details = null, string[]? primaryIdentifier = null) =>
        new(name, Properties(properties),
            (attributes ?? []).ToDictionary(attribute => attribute.Name),
            primaryIdentifier ?? [],
            (propertyTypes ?? []).ToDictionary(type => type.Name),
            details ?? new ResourceTypeDetails());

    private static Dictionary<string, PropertySpec> Properties(PropertySpec[] properties) =>
        properties.ToDictionary(property => property.Name);

    private static PropertySpec Property(string name, TypeSpec type, TypeSpec? declaredType = null, bool required = false,
        Replacement replacement = Replacement.Mutable, bool deprecated = false) =>
        new(name, type, declaredType ?? type, required, replacement, deprecated);

    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
