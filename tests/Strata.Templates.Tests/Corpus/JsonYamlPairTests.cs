using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Templates.Syntax;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Corpus;

/// <summary>
/// <c>aws-cloudformation-templates/PAIRS.json</c> classifies JSON/YAML pairs of the same template. For the
/// equivalent ones, both must parse into the same model, compared as the long-form JSON the writer emits.
/// </summary>
public class JsonYamlPairTests(ITestOutputHelper output)
{
    private const string Equivalent = "equivalent";

    // The empty YAML short form `!GetAZs` is "" to CloudFormation; a YAML 1.1 reader makes it null.
    private const string EmptyGetAzsClass = "equivalent_if_empty_GetAZs_equals_null";

    // Unquoted Yes/No/True in the YAML are strings under YAML 1.2, as in the JSON twin.
    private const string Yaml12BooleansClass = "equivalent_if_yaml_1.2_booleans";

    [Fact]
    public void Parse_EquivalentJsonAndYamlPairs_GiveTheSameModel()
    {
        var pairs = ReadPairs();
        var compared = pairs.Where(p => IsEquivalenceClass(p.Category)).ToList();
        Assert.True(compared.Count >= 100, $"PAIRS.json lists only {compared.Count} equivalent pairs");

        var failures = new List<string>();
        foreach (var pair in compared)
        {
            var json = Model(pair.Json);
            var yaml = Model(pair.Yaml);
            if (json is null || yaml is null)
            {
                failures.Add($"{pair.Json} / {pair.Yaml}: did not parse");
                continue;
            }

            if (JsonDocuments.FirstDifference(Normalize(json), Normalize(yaml)) is { } difference)
            {
                failures.Add($"{pair.Json} vs {pair.Yaml} ({pair.Category}): first difference at {difference}");
            }
        }

        foreach (var group in compared.GroupBy(p => p.Category))
        {
            output.WriteLine($"{group.Key}: {group.Count()} pairs compared");
        }

        output.WriteLine($"{pairs.Count - compared.Count} pairs not compared (diverged or preprocessor templates)");
        Assert.True(failures.Count == 0, $"{failures.Count} of {compared.Count} pairs differ:\n" + string.Join("\n", failures));
    }

    private static bool IsEquivalenceClass(string category) =>
        category == Equivalent || category == EmptyGetAzsClass || category.StartsWith(Yaml12BooleansClass, StringComparison.Ordinal);

    private static JsonNode? Model(string relative)
    {
        var document = TemplateParser.ParseFile(CorpusTemplates.PathOf(Path.Combine("aws-cloudformation-templates", relative)));
        return document.Root is null || document.HasErrors ? null : JsonNode.Parse(TemplateJsonWriter.ToJson(document.Root, indented: false));
    }

    /// <summary>
    /// Brings both sides to CloudFormation's long form where the writer keeps what was written:
    /// <c>!GetAtt a.b.c</c> stays the dotted string, which CloudFormation reads as <c>["a", "b.c"]</c>; an empty
    /// Fn::GetAZs is the empty string whichever way it was written. And <c>Fn::ValueOf</c> (Rules) is unwrapped:
    /// the tool that wrote the SapPrivateLink JSON twins dropped the <c>!ValueOf</c> tag it did not know, and so
    /// did the YAML reader that classified the pairs.
    /// </summary>
    private static JsonNode Normalize(JsonNode node)
    {
        switch (node)
        {
            case JsonObject map:
                if (map.Count == 1 && map.TryGetPropertyValue("Fn::GetAZs", out var region) && region is null)
                {
                    map["Fn::GetAZs"] = "";
                }

                if (map.Count == 1 && map.TryGetPropertyValue("Fn::GetAtt", out var getAtt)
                    && getAtt is JsonValue dotted && dotted.TryGetValue<string>(out var text) && text.IndexOf('.') is var dot and > 0)
                {
                    map["Fn::GetAtt"] = new JsonArray(text[..dot], text[(dot + 1)..]);
                }

                if (map.Count == 1 && map.TryGetPropertyValue("Fn::ValueOf", out var valueOf) && valueOf is not null)
                {
                    map.Remove("Fn::ValueOf");
                    return Normalize(valueOf);
                }

                foreach (var (key, value) in map.ToList())
                {
                    if (value is not null && Normalize(value) is var normalized && !ReferenceEquals(normalized, value))
                    {
                        map[key] = normalized;
                    }
                }

                return map;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is { } item && Normalize(item) is var normalized && !ReferenceEquals(normalized, item))
                    {
                        list[i] = normalized;
                    }
                }

                return list;
            default:
                return node;
        }
    }

    private static List<Pair> ReadPairs()
    {
        var path = CorpusTemplates.PathOf("aws-cloudformation-templates/PAIRS.json");
        using var stream = File.OpenRead(path);
        var pairs = JsonSerializer.Deserialize<List<Pair>>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        Assert.NotNull(pairs);
        return pairs;
    }

    private sealed record Pair(string Json, string Yaml, string Category);
}
