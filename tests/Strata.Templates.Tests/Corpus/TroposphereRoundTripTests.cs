using System.Text.Json.Nodes;
using Strata.Templates.Syntax;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Corpus;

/// <summary>troposphere's example outputs (4-space JSON, long-form intrinsics) must survive parse and emit unchanged.</summary>
public class TroposphereRoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void ToJson_TroposphereOutputs_RoundTripToTheSameDocument()
    {
        var files = CorpusTemplates.Under("troposphere-examples-output");
        Assert.True(files.Count >= 80, $"expected the troposphere outputs, found {files.Count} files");

        var failures = new List<string>();
        var identical = 0;
        var identicalButIndentation = 0;
        foreach (var file in files)
        {
            var original = File.ReadAllText(file);
            var document = TemplateParser.ParseText(original, file);
            if (document.Root is null || document.HasErrors)
            {
                failures.Add($"{CorpusTemplates.Relative(file)}: did not parse: {string.Join("; ", document.Diagnostics)}");
                continue;
            }

            var emitted = TemplateJsonWriter.ToJson(document.Root, indented: true, indentSize: 1);
            if (JsonDocuments.FirstDifference(JsonNode.Parse(original), JsonNode.Parse(emitted)) is { } difference)
            {
                failures.Add($"{CorpusTemplates.Relative(file)}: first difference at {difference}");
            }

            if (string.Equals(original.TrimEnd(), emitted.TrimEnd(), StringComparison.Ordinal))
            {
                identical++;
            }

            if (string.Equals(Unindented(original), Unindented(emitted), StringComparison.Ordinal))
            {
                identicalButIndentation++;
            }
        }

        // Emitted with troposphere's one-space indent; the second count ignores indentation altogether.
        output.WriteLine($"{files.Count} troposphere outputs: {files.Count - failures.Count} round-trip to the same JSON document; " +
            $"{identical} byte-identical (ignoring the final newline), {identicalButIndentation} identical apart from indentation width");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Unindented(string json) =>
        string.Join('\n', json.TrimEnd().Split('\n').Select(line => line.TrimStart(' ').TrimEnd('\r')));
}
