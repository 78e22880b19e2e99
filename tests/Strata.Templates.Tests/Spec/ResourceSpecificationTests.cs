using Strata.Templates.Spec;

namespace Strata.Templates.Tests.Spec;

/// <summary>The embedded specification: identity, lookup behaviour and caching.</summary>
public sealed class ResourceSpecificationTests
{
    // Resource entities in db.json.gz of each pinned version, counted when the pin was set (python:
    // len(db["schema"]["resource"]["entities"])). Lets the count be checked without the npm package;
    // with it installed, ServiceSpecDbRoundTripTests counts the db itself.
    private static readonly Dictionary<string, int> TypeCountByPackageVersion = new() { ["0.1.216"] = 1828 };

    private static ResourceSpecification Spec => ResourceSpecification.Default;

    [Fact]
    public void Default_EmbeddedFile_IsGeneratedFromThePinnedPackageVersion()
    {
        Assert.Equal("@aws-cdk/aws-service-spec", Spec.SourcePackage);
        Assert.Equal(SpecPackage.PinnedVersion, Spec.SourceVersion);
    }

    [Fact]
    public void TypeCount_EmbeddedFile_EqualsTheCountOfThePinnedDb()
    {
        Assert.True(TypeCountByPackageVersion.TryGetValue(Spec.SourceVersion, out var expected),
            $"record the resource count of {Spec.SourceVersion} in {nameof(TypeCountByPackageVersion)}");
        Assert.Equal(expected, Spec.TypeCount);
    }

    [Fact]
    public void TypeNames_EmbeddedFile_AreDistinctOrdinallySortedAndCountedByTypeCount()
    {
        var names = Spec.TypeNames.ToList();

        Assert.Equal(Spec.TypeCount, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(names.OrderBy(name => name, StringComparer.Ordinal), names);
        Assert.All(names, name => Assert.True(Spec.ContainsType(name), name));
    }

    [Fact]
    public void TryGetType_UnknownName_ReturnsFalse()
    {
        Assert.False(Spec.TryGetType("AWS::EC2::NoSuchThing", out var type));
        Assert.Null(type);
        Assert.False(Spec.ContainsType("AWS::EC2::NoSuchThing"));
    }

    [Fact]
    public void TryGetType_DifferentCase_ReturnsFalse()
    {
        Assert.True(Spec.TryGetType("AWS::EC2::Instance", out _));
        Assert.False(Spec.TryGetType("aws::ec2::instance", out _));
    }

    [Fact]
    public void TryGetType_SecondLookup_ReturnsTheCachedInstance()
    {
        Assert.True(Spec.TryGetType("AWS::SNS::Topic", out var first));
        Assert.True(Spec.TryGetType("AWS::SNS::Topic", out var second));

        Assert.Same(first, second);
    }

    [Fact]
    public void TryGetType_ConcurrentFirstUse_EveryThreadGetsTheSameInstance()
    {
        using var stream = typeof(ResourceSpecification).Assembly.GetManifestResourceStream(ResourceSpecification.EmbeddedResourceName)!;
        var fresh = ResourceSpecification.Load(stream);
        var names = fresh.TypeNames.Where((_, index) => index % 7 == 0).ToList();
        var seen = new ResourceTypeSpec[16][];

        Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            seen[thread] = names.Select(name => fresh.TryGetType(name, out var type) ? type : throw new InvalidOperationException(name)).ToArray();
        });

        for (var i = 0; i < names.Count; i++)
        {
            Assert.All(seen, row => Assert.Same(seen[0][i], row[i]));
        }
    }

    [Fact]
    public void TryGetType_EveryType_DecodesWithItsOwnName()
    {
        foreach (var name in Spec.TypeNames)
        {
            Assert.True(Spec.TryGetType(name, out var type));
            Assert.Equal(name, type.Name);
        }
    }

    [Fact]
    public void PropertyTypes_EveryNamedReference_ResolvesWithinItsResource()
    {
        foreach (var name in Spec.TypeNames)
        {
            Spec.TryGetType(name, out var resource);
            var fields = resource!.Properties.Values.Select(property => (property.Name, property.Type))
                .Concat(resource.Attributes.Values.Select(attribute => (attribute.Name, attribute.Type)))
                .Concat(resource.PropertyTypes.Values.SelectMany(type => type.Properties.Values.Select(property => ($"{type.Name}.{property.Name}", property.Type))));
            foreach (var (field, type) in fields)
            {
                foreach (var named in NamedTypes(type))
                {
                    Assert.True(resource.TryGetPropertyType(named, out _), $"{name} {field} refers to missing type {named.Name}");
                }
            }
        }
    }

    private static IEnumerable<NamedTypeSpec> NamedTypes(TypeSpec type) => type switch
    {
        NamedTypeSpec named => [named],
        ListTypeSpec list => NamedTypes(list.Item),
        MapTypeSpec map => NamedTypes(map.Value),
        UnionTypeSpec union => union.Types.SelectMany(NamedTypes),
        _ => [],
    };
}
