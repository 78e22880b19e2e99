using System.IO.Compression;
using System.Text;
using Strata.Templates.Spec;
using Strata.Templates.Spec.Generation;

namespace Strata.Templates.Tests.Spec;

/// <summary>The db reader on small hand-written dbs shaped like @aws-cdk/aws-service-spec's db.json.gz.</summary>
public sealed class ServiceSpecDbReaderTests
{
    [Fact]
    public void Read_ReferencesAndEnumerations_BecomeNamedTypesAndAllowedValues()
    {
        var type = ReadSingle(
            """
            "properties": {
              "Mode": { "type": { "type": "string", "allowedValues": ["a", "b"] }, "required": true, "causesReplacement": "yes" },
              "Days": { "type": { "type": "integer", "allowedValues": [1, 7] }, "causesReplacement": "maybe" },
              "Rules": { "type": { "type": "array", "element": { "type": "ref", "reference": { "$ref": "20" } } } },
              "Old": { "type": { "type": "date-time" }, "deprecated": "WARN", "causesReplacement": "no" }
            },
            "attributes": { "Endpoint.Address": { "type": { "type": "string" } } },
            "primaryIdentifier": ["Id"], "tagInformation": { "tagPropertyName": "Tags", "variant": "map" }
            """);

        Assert.Equal(["a", "b"], type.Properties["Mode"].AllowedValues);
        Assert.True(type.Properties["Mode"].Required);
        Assert.Equal(Replacement.Immutable, type.Properties["Mode"].Replacement);
        Assert.Equal(["1", "7"], type.Properties["Days"].AllowedValues);
        Assert.Equal(Replacement.Conditional, type.Properties["Days"].Replacement);
        Assert.Equal(new ListTypeSpec(new NamedTypeSpec("Rule")), type.Properties["Rules"].Type);
        Assert.Equal(TypeSpec.String, type.PropertyTypes["Rule"].Properties["Name"].Type);
        Assert.Equal(TypeSpec.Timestamp, type.Properties["Old"].Type);
        Assert.True(type.Properties["Old"].Deprecated);
        Assert.Equal(Replacement.Mutable, type.Properties["Old"].Replacement);
        Assert.Equal(["Endpoint.Address"], type.Attributes.Keys);
        Assert.Equal(new TagInformation("Tags", TagVariant.Map), type.TagInformation);
    }

    [Fact]
    public void Read_PreviousTypes_WidenToAUnionWithoutDuplicates()
    {
        var type = ReadSingle(
            """
            "properties": {
              "Policy": { "type": { "type": "union", "types": [{ "type": "json" }, { "type": "string" }] }, "previousTypes": [{ "type": "json" }] },
              "Size": { "type": { "type": "number" }, "previousTypes": [{ "type": "string" }, { "type": "integer" }] }
            },
            "attributes": {}
            """);

        var policy = type.Properties["Policy"];
        Assert.Equal(new UnionTypeSpec([TypeSpec.Json, TypeSpec.String]), policy.Type);
        Assert.Equal(policy.Type, policy.DeclaredType);
        var size = type.Properties["Size"];
        Assert.Equal(new UnionTypeSpec([TypeSpec.Number, TypeSpec.Integer, TypeSpec.String]), size.Type);
        Assert.Equal(TypeSpec.Number, size.DeclaredType);
    }

    [Fact]
    public void Read_UnknownTypeKind_ThrowsNamingResourceAndProperty()
    {
        var error = Assert.Throws<InvalidDataException>(() => ReadSingle(
            """ "properties": { "Weird": { "type": { "type": "quaternion" } } }, "attributes": {} """));

        Assert.Equal("test-db: AWS::Test::Thing property Weird: unknown type \"quaternion\"", error.Message);
    }

    [Fact]
    public void Read_ReferenceToATypeOfAnotherResource_Throws()
    {
        var error = Assert.Throws<InvalidDataException>(() => ReadSingle(
            """ "properties": { "Other": { "type": { "type": "ref", "reference": { "$ref": "99" } } } }, "attributes": {} """));

        Assert.Contains("refers to type definition 99, which the resource does not use", error.Message);
    }

    [Fact]
    public void Read_MissingPropertiesMember_ThrowsNamingIt()
    {
        var error = Assert.Throws<InvalidDataException>(() => ReadSingle(""" "attributes": {} """));

        Assert.Equal("test-db: AWS::Test::Thing: missing \"properties\"", error.Message);
    }

    [Fact]
    public void TypeWidening_NoPreviousTypes_ReturnsTheCurrentTypeItself()
    {
        var current = new MapTypeSpec(TypeSpec.String);

        Assert.Same(current, TypeWidening.Widen(current, []));
    }

    // One resource "AWS::Test::Thing" ($id 10) owning type definition "Rule" ($id 20); resourceBody is spliced in.
    private static ResourceTypeSpec ReadSingle(string resourceBody)
    {
        var json = $$"""
            {
              "idCtr": 100,
              "schema": {
                "resource": { "type": "resource", "entities": [
                  { "$id": "10", "cloudFormationType": "AWS::Test::Thing", "name": "Thing", {{resourceBody}} }
                ] },
                "typeDefinition": { "type": "typeDefinition", "entities": [
                  { "$id": "20", "name": "Rule", "properties": { "Name": { "type": { "type": "string" } } } },
                  { "$id": "99", "name": "Elsewhere", "properties": {} }
                ] },
                "usesType": { "type": "usesType", "forward": { "10": [{ "$id": "20" }] } }
              }
            }
            """;
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }
        gzipped.Position = 0;
        return Assert.Single(ServiceSpecDbReader.Read(gzipped, "test-db"));
    }
}
