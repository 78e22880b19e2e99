using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.Bench.Generation;

/// <summary>One generated benchmark input, written to disk so that cfn-lint and the CLI read the same file.</summary>
/// <param name="Name">Short label used in reports (<c>mix-500.yaml</c>).</param>
/// <param name="Kind">Which series it belongs to: <c>mix</c> or <c>conditions</c>.</param>
/// <param name="Size">Resources for <c>mix</c>, conditions for <c>conditions</c>.</param>
internal sealed record GeneratedTemplate(string Name, string Kind, int Size, string Path, long Bytes, int Resources, int Conditions);

/// <summary>The set of generated inputs the comparison runs, and how to write them.</summary>
internal static class GeneratedTemplates
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The resource counts of the "mix" series: the 500 and 10,000.</summary>
    public static readonly int[] MixSizes = [500, 10_000];

    /// <summary>
    /// The condition counts of the nested-conditions series: n, 2n, 4n, ... with n = 50 (the range and
    /// beyond), preceded by small sizes where cfn-lint still finishes (it stops finishing at about 20).
    /// </summary>
    public static readonly int[] ConditionSizes = [8, 12, 16, 20, 25, 50, 100, 200, 400, 800];

    public static List<GeneratedTemplate> WriteAll(string directory, IReadOnlyList<int>? mixSizes = null, IReadOnlyList<int>? conditionSizes = null)
    {
        if ((conditionSizes ?? ConditionSizes).Any(n => n < NestedConditionsGenerator.MinimumConditions))
        {
            throw new BenchUsageException($"A nested-conditions template needs at least {NestedConditionsGenerator.MinimumConditions} conditions");
        }

        Directory.CreateDirectory(directory);
        var written = new List<GeneratedTemplate>();
        foreach (var size in mixSizes ?? MixSizes)
        {
            var template = ResourceMixGenerator.Generate(size);
            written.Add(Write(directory, $"mix-{size}.json", "mix", size, template, yaml: false));
            written.Add(Write(directory, $"mix-{size}.yaml", "mix", size, template, yaml: true));
        }

        foreach (var size in conditionSizes ?? ConditionSizes)
        {
            var template = NestedConditionsGenerator.Generate(size);
            written.Add(Write(directory, $"conditions-{size}.yaml", "conditions", size, template, yaml: true));
        }

        return written;
    }

    private static GeneratedTemplate Write(string directory, string name, string kind, int size, JsonObject template, bool yaml)
    {
        var path = System.IO.Path.Combine(directory, name);
        var text = yaml ? YamlEmitter.Emit(template) : template.ToJsonString(Indented) + "\n";
        File.WriteAllText(path, text);
        var resources = (template["Resources"] as JsonObject)?.Count ?? 0;
        var conditions = (template["Conditions"] as JsonObject)?.Count ?? 0;
        return new GeneratedTemplate(name, kind, size, System.IO.Path.GetFullPath(path), new FileInfo(path).Length, resources, conditions);
    }
}
