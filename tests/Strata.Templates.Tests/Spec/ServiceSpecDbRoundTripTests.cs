using System.Text.Json;
using Strata.Templates.Spec;
using Strata.Templates.Spec.Generation;

namespace Strata.Templates.Tests.Spec;

/// <summary>
/// The committed, embedded file against the installed npm package (skipped when it is not installed):
/// it must hold exactly the db's types, decode to what the generator reads, and agree with the raw JSON.
/// </summary>
public sealed class ServiceSpecDbRoundTripTests
{
    private static ResourceSpecification Spec => ResourceSpecification.Default;

    [SpecPackageFact]
    public void TypeNames_EmbeddedFile_AreExactlyTheResourceEntitiesOfTheDb()
    {
        var inDb = SpecPackage.RawSchema.GetProperty("resource").GetProperty("entities").EnumerateArray()
            .Select(resource => resource.GetProperty("cloudFormationType").GetString()!)
            .Order(StringComparer.Ordinal).ToList();

        Assert.Equal(inDb.Count, Spec.TypeCount);
        Assert.Equal(inDb, Spec.TypeNames);
    }

    [SpecPackageFact]
    public void Package_Installed_IsThePinnedVersionTheFileWasGeneratedFrom()
    {
        Assert.Equal(SpecPackage.PinnedVersion, SpecPackage.Open().Source.Version);
        Assert.Equal(SpecPackage.Open().Source.Version, Spec.SourceVersion);
    }

    [SpecPackageFact]
    public void TryGetType_EveryType_EqualsWhatTheGeneratorReadsFromTheDb()
    {
        foreach (var expected in SpecPackage.ReadTypes())
        {
            Assert.True(Spec.TryGetType(expected.Name, out var actual), expected.Name);
            var difference = SpecDifference.Find(expected, actual);
            Assert.True(difference is null, $"{difference} (regenerate with tools/regen-spec.sh)");
        }
    }

    // Checks the reader's semantics against the JSON itself, for every 25th resource plus a few well-known ones.
    [SpecPackageFact]
    public void Properties_SampledResources_AgreeWithTheRawDbJson()
    {
        var resources = SpecPackage.RawSchema.GetProperty("resource").GetProperty("entities").EnumerateArray().ToList();
        var sample = resources.Where((resource, index) => index % 25 == 0 || IsWellKnown(resource)).ToList();
        Assert.True(sample.Count > 70, $"sampled only {sample.Count} resources");

        foreach (var raw in sample)
        {
            var name = raw.GetProperty("cloudFormationType").GetString()!;
            Assert.True(Spec.TryGetType(name, out var type), name);
            var rawProperties = raw.GetProperty("properties").EnumerateObject().ToList();
            Assert.Equal(rawProperties.Select(property => property.Name), type.Properties.Keys);
            foreach (var rawProperty in rawProperties)
            {
                var property = type.Properties[rawProperty.Name];
                var where = $"{name}.{rawProperty.Name}";
                Assert.True(IsTrue(rawProperty.Value, "required") == property.Required, where);
                Assert.True(ExpectedReplacement(rawProperty.Value) == property.Replacement, where);
                var rawType = rawProperty.Value.GetProperty("type");
                if (rawType.TryGetProperty("allowedValues", out var allowed) && !rawProperty.Value.TryGetProperty("previousTypes", out _))
                {
                    Assert.Equal(allowed.EnumerateArray().Select(value => value.ToString()), property.AllowedValues!);
                }
                else if (rawType.GetProperty("type").GetString() is "string" or "integer")
                {
                    Assert.True(property.AllowedValues is null, where);
                }
            }
            Assert.Equal(raw.GetProperty("attributes").EnumerateObject().Select(attribute => attribute.Name), type.Attributes.Keys);
            var primary = raw.TryGetProperty("primaryIdentifier", out var identifiers)
                ? identifiers.EnumerateArray().Select(identifier => identifier.GetString()!).ToList()
                : [];
            Assert.Equal(primary, type.PrimaryIdentifier);
            Assert.Equal(raw.TryGetProperty("tagInformation", out var tags) ? tags.GetProperty("tagPropertyName").GetString() : null,
                type.TagInformation?.TagPropertyName);
        }
    }

    private static bool IsWellKnown(JsonElement resource) =>
        resource.GetProperty("cloudFormationType").GetString() is "AWS::EC2::Instance" or "AWS::S3::Bucket"
            or "AWS::SQS::Queue" or "AWS::Logs::LogGroup" or "AWS::IAM::Role" or "AWS::Lambda::Function";

    private static bool IsTrue(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static Replacement ExpectedReplacement(JsonElement property) =>
        property.TryGetProperty("causesReplacement", out var value)
            ? value.GetString() switch { "yes" => Replacement.Immutable, "maybe" => Replacement.Conditional, _ => Replacement.Mutable }
            : Replacement.Mutable;
}
