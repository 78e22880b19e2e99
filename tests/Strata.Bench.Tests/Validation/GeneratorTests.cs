using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Strata.Bench.Generation;
using Strata.Bench.Measurement;
using Strata.Templates.Model;
using Strata.Templates.Syntax;
using Strata.Templates.Validation;

namespace Strata.Bench.Tests.Validation;

public sealed partial class GeneratorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("strata-bench-generated-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(500)]
    public void ResourceMix_AnyCount_ExactlyThatManyResources(int count)
    {
        var template = ResourceMixGenerator.Generate(count);

        Assert.Equal(count, template["Resources"]!.AsObject().Count);
    }

    [Fact]
    public void ResourceMix_SameCount_SameTemplate()
    {
        Assert.Equal(ResourceMixGenerator.Generate(100).ToJsonString(), ResourceMixGenerator.Generate(100).ToJsonString());
    }

    [Theory]
    [InlineData(30)]
    [InlineData(500)]
    public void ResourceMix_EveryReference_ToAnEarlierResource(int count)
    {
        var resources = ResourceMixGenerator.Generate(count)["Resources"]!.AsObject();
        var order = resources.Select((r, i) => (r.Key, i)).ToDictionary(p => p.Key, p => p.i);

        var references = 0;
        foreach (var (name, resource) in resources)
        {
            foreach (var target in ReferencedNames(resource!).Where(order.ContainsKey))
            {
                references++;
                Assert.True(order[target] < order[name], $"{name} refers to {target}, which comes after it");
            }
        }
        Assert.True(references > count / 2, "the generated resources should be wired together");
    }

    [Fact]
    public void ResourceMix_JsonAndYamlForms_SameDependencyGraphWithoutCycles()
    {
        var written = GeneratedTemplates.WriteAll(_directory, mixSizes: [500], conditionSizes: []);

        var graphs = written.Select(w => ResourceGraph.Build(TemplateModel.Build(TemplateParser.ParseFile(w.Path)))).ToList();

        Assert.Equal(["mix-500.json", "mix-500.yaml"], written.Select(w => w.Name));
        Assert.All(written, w => Assert.Equal((500, 4), (w.Resources, w.Conditions)));
        Assert.Equal((graphs[0].Nodes, graphs[0].Edges), (graphs[1].Nodes, graphs[1].Edges));
        Assert.Equal(500, graphs[0].Ordered);
        Assert.True(graphs[0].Edges > 500);
    }

    [Fact]
    public void ResourceMix_FiveHundred_ValidatesWithoutErrors()
    {
        // bench/README.md: "Strata and cfn-lint report no errors on mix-500".
        var written = GeneratedTemplates.WriteAll(_directory, mixSizes: [500], conditionSizes: []);

        foreach (var file in written)
        {
            var result = TemplateValidator.Validate(TemplateParser.ParseFile(file.Path), TemplatePipeline.Options);
            Assert.True(result.Diagnostics.All(d => d.Severity != Strata.Templates.Diagnostics.Severity.Error),
                $"{file.Name}: {string.Join("; ", result.Diagnostics)}");
        }
    }

    [Fact]
    public void Yaml_GeneratedTemplate_ShortFormsOfTheFunctions()
    {
        var yaml = YamlEmitter.Emit(ResourceMixGenerator.Generate(21));

        Assert.Contains("VpcId: !Ref Vpc0\n", yaml);
        Assert.Contains("!GetAtt WebSecurityGroup0.GroupId", yaml);
        Assert.Contains("!Sub ", yaml);
        Assert.Contains("!If ", yaml);
        Assert.DoesNotContain("Ref:", yaml);
        Assert.DoesNotContain("Fn::GetAtt", yaml);
        // A YAML node takes one tag, so a call around a short form stays long: Fn::Base64 over !Sub.
        Assert.Contains("Fn::Base64: !Sub", yaml);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(50)]
    [InlineData(201)]
    public void NestedConditions_Count_ConditionsAndHalfAsManyQueues(int count)
    {
        var template = NestedConditionsGenerator.Generate(count);

        Assert.Equal(count, template["Conditions"]!.AsObject().Count);
        Assert.Equal(count / 2, template["Resources"]!.AsObject().Count);
        Assert.All(template["Resources"]!.AsObject(), r => Assert.Equal("AWS::SQS::Queue", (string?)r.Value!["Type"]));
    }

    [Fact]
    public void NestedConditions_Chain_EachBuildsOnEarlierOnesAndTheLastOnAllButTwoLeaves()
    {
        const int count = 40;
        var conditions = NestedConditionsGenerator.Generate(count)["Conditions"]!.AsObject();
        var uses = conditions.ToDictionary(c => c.Key, c => ConditionNames(c.Value!).ToList());

        foreach (var (name, used) in uses)
        {
            Assert.All(used, u => Assert.True(Index(u) < Index(name), $"{name} uses {u}"));
        }
        var reached = new HashSet<string>();
        var pending = new Stack<string>([$"C{count - 1}"]);
        while (pending.TryPop(out var next))
        {
            foreach (var used in uses[next].Where(reached.Add))
            {
                pending.Push(used);
            }
        }
        // Every condition past the four leaves is reached; of the leaves (plain Fn::Equals), the chain's back-references
        // (i-1 … i-4, by i mod 4) never land on C0 or C2, so "the last depends on all" holds for all but those two.
        Assert.Equal(Enumerable.Range(1, count - 2).Where(i => i is not 2).Select(i => $"C{i}").Order(), reached.Order());
    }

    [Fact]
    public void NestedConditions_TooFew_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NestedConditionsGenerator.Generate(NestedConditionsGenerator.MinimumConditions - 1));
        Assert.Throws<BenchUsageException>(() => GeneratedTemplates.WriteAll(_directory, [], [4]));
    }

    private static int Index(string condition) => int.Parse(condition[1..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Names a resource refers to: Ref, Fn::GetAtt, DependsOn and the variables of Fn::Sub.</summary>
    private static IEnumerable<string> ReferencedNames(JsonNode node)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var (key, value) in map)
                {
                    switch (key)
                    {
                        case "Ref" or "DependsOn" when value is JsonValue name:
                            yield return (string)name!;
                            continue;
                        case "Fn::GetAtt" when value is JsonArray getAtt:
                            yield return (string)getAtt[0]!;
                            continue;
                        case "Fn::Sub" when value is JsonValue text:
                            foreach (Match variable in SubVariable().Matches((string)text!))
                            {
                                yield return variable.Groups[1].Value;
                            }
                            continue;
                    }
                    if (value is not null)
                    {
                        foreach (var name in ReferencedNames(value))
                        {
                            yield return name;
                        }
                    }
                }
                break;
            case JsonArray list:
                foreach (var name in list.Where(item => item is not null).SelectMany(item => ReferencedNames(item!)))
                {
                    yield return name;
                }
                break;
        }
    }

    private static IEnumerable<string> ConditionNames(JsonNode node) => node switch
    {
        JsonObject map when map.TryGetPropertyValue("Condition", out var name) && name is JsonValue => [(string)name!],
        JsonObject map => map.Where(p => p.Value is not null).SelectMany(p => ConditionNames(p.Value!)),
        JsonArray list => list.Where(i => i is not null).SelectMany(i => ConditionNames(i!)),
        _ => [],
    };

    [GeneratedRegex(@"\$\{([A-Za-z0-9]+)(?:\.[A-Za-z]+)?\}")]
    private static partial Regex SubVariable();
}
