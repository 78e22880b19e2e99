using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Strata.Templates.Model;
using Strata.Templates.Spec;
using Strata.Templates.Syntax;
using Strata.Templates.Validation;
using YamlDotNet.Core;

namespace Strata.Bench.Measurement;

/// <summary>
/// Where one template's time goes, section by section (<c>Strata.Bench profile --path FILE</c>): reading the
/// bytes, the bare tokenizer underneath Strata's reader (YamlDotNet's event parser, or System.Text.Json's
/// reader), Strata's parser on top of it, the model, the dependency graph and the validator. The gap between
/// the bare tokenizer and the parser is Strata's own reading cost.
/// </summary>
internal static class PhaseProfile
{
    public static string Measure(string path, int runs)
    {
        var bytes = File.ReadAllBytes(path);
        var isYaml = !Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase);
        var document = TemplateParser.ParseFile(path);
        var model = TemplateModel.Build(document);
        var options = new ValidationOptions { Spec = ResourceSpecification.Default };

        var sections = new (string Name, Action Body)[]
        {
            ("read bytes", () => File.ReadAllBytes(path)),
            (isYaml ? "bare YamlDotNet event parse" : "bare Utf8JsonReader pass", isYaml ? () => BareYaml(bytes) : () => BareJson(bytes)),
            ("TemplateParser.ParseFile", () => TemplateParser.ParseFile(path)),
            ("TemplateValidator.Validate", () => TemplateValidator.Validate(document, options)),
            ("TemplateModel.Build", () => TemplateModel.Build(document)),
            ("dependency graph", () => ResourceGraph.Build(model)),
        };

        var report = new StringBuilder($"{path} ({bytes.Length:N0} bytes, {model.Resources.Count} resources), median of {runs} runs after at least 1 s of warm-up per section\n");
        foreach (var (name, body) in sections)
        {
            WarmUp.Run(body, minimumRuns: 3, TimeSpan.FromSeconds(1));

            var wall = new List<double>();
            var cpu = new List<double>();
            var allocated = new List<long>();
            var pauses = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                GC.Collect();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var pauseBefore = GC.GetTotalPauseDuration();
                var cpuStart = CpuClock.ProcessSeconds();
                var start = Stopwatch.GetTimestamp();
                body();
                wall.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
                cpu.Add(CpuClock.ProcessSeconds() - cpuStart);
                allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
                pauses.Add((GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds);
            }

            report.AppendLine($"  {name,-30} wall {Stats.Median(wall) * 1000,9:0.00} ms   cpu {Stats.Median(cpu) * 1000,9:0.00} ms   allocated {Stats.Median(allocated) / 1048576.0,8:0.0} MiB   GC pauses {Stats.Median(pauses) * 1000,7:0.00} ms");
        }

        return report.ToString();
    }

    private static void BareYaml(byte[] bytes)
    {
        var parser = new Parser(new StringReader(Encoding.UTF8.GetString(bytes)));
        while (parser.MoveNext())
        {
        }
    }

    private static void BareJson(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 512 });
        while (reader.Read())
        {
        }
    }
}
