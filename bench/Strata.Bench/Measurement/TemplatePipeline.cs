using System.Diagnostics;
using Strata.Templates.Diagnostics;
using Strata.Templates.Model;
using Strata.Templates.Spec;
using Strata.Templates.Syntax;
using Strata.Templates.Validation;

namespace Strata.Bench.Measurement;

/// <summary>Wall time of each phase of one pass over one template, and the process CPU time of the pass, in seconds.</summary>
internal sealed record PhaseTimes(double Parse, double Validate, double Model, double Graph, double CpuParseAndValidate, double CpuTotal)
{
    /// <summary>What <c>strata validate</c> does: read and parse, then validate.</summary>
    public double ParseAndValidate => Parse + Validate;

    /// <summary>Everything: parse, validate, build the model and its dependency graph.</summary>
    public double Total => Parse + Validate + Model + Graph;
}

/// <summary>The outcome of one pass: phase times plus what the validator found (to show it did the work).</summary>
internal sealed record PipelineOutcome(PhaseTimes Times, IReadOnlyList<Diagnostic> Diagnostics, ResourceGraph? Graph, string? Crash);

/// <summary>
/// Runs Strata's validation pipeline on one file the way the CLI does (<see cref="TemplateParser.ParseFile"/>,
/// then <see cref="TemplateValidator.Validate"/>), optionally followed by the model and its dependency graph.
/// </summary>
internal static class TemplatePipeline
{
    internal static readonly ValidationOptions Options = new()
    {
        Parameters = new Dictionary<string, string>(StringComparer.Ordinal),
        Spec = ResourceSpecification.Default,
    };

    public static PipelineOutcome Run(string path, bool withGraph)
    {
        var cpuStart = CpuClock.ProcessSeconds();
        var start = Stopwatch.GetTimestamp();
        try
        {
            var document = TemplateParser.ParseFile(path);
            var parsed = Stopwatch.GetTimestamp();
            var result = TemplateValidator.Validate(document, Options);
            var validated = Stopwatch.GetTimestamp();
            var cpuValidated = CpuClock.ProcessSeconds() - cpuStart;
            if (!withGraph)
            {
                return new PipelineOutcome(
                    new PhaseTimes(Seconds(start, parsed), Seconds(parsed, validated), 0, 0, cpuValidated, cpuValidated),
                    result.Diagnostics, null, null);
            }

            var model = TemplateModel.Build(document);
            var modelled = Stopwatch.GetTimestamp();
            var graph = ResourceGraph.Build(model);
            var graphed = Stopwatch.GetTimestamp();
            return new PipelineOutcome(
                new PhaseTimes(Seconds(start, parsed), Seconds(parsed, validated), Seconds(validated, modelled), Seconds(modelled, graphed),
                    cpuValidated, CpuClock.ProcessSeconds() - cpuStart),
                result.Diagnostics, graph, null);
        }
        catch (Exception ex)
        {
            // The validator promises never to throw; if it does, the benchmark records it and carries on.
            var cpu = CpuClock.ProcessSeconds() - cpuStart;
            return new PipelineOutcome(new PhaseTimes(Seconds(start, Stopwatch.GetTimestamp()), 0, 0, 0, cpu, cpu), [], null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>
    /// Times validation alone on a tree that a full collection has already moved to the oldest generation. The
    /// difference from <see cref="PhaseTimes.Validate"/> is what the young-generation collections during validation
    /// cost when they have to trace and promote the tree that parsing has just built.
    /// </summary>
    public static double ValidateSettledTree(string path)
    {
        var document = TemplateParser.ParseFile(path);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var start = Stopwatch.GetTimestamp();
        TemplateValidator.Validate(document, Options);
        return Seconds(start, Stopwatch.GetTimestamp());
    }

    private static double Seconds(long from, long to) => (double)(to - from) / Stopwatch.Frequency;
}
