using System.Globalization;
using Strata.Bench.Generation;
using Strata.Bench.Peers;
using Strata.Bench.Report;

namespace Strata.Bench.Comparison;

/// <summary>
/// The generated templates (500 and 10,000 resources; the nested-conditions series) through Strata in-process
/// (worker <c>file</c>: parse, validate, model, graph), the Strata CLI (cold calls) and cfn-lint (one call,
/// bounded by the timeout). cfn-lint is not started on inputs that cannot finish in time: a larger size of a
/// series whose smaller size already timed out, or the other format of a template that timed out.
/// </summary>
internal static class GeneratedStage
{
    private const int CliCalls = 3;

    private const int LargeTemplate = 2_000;

    public static List<GeneratedComparison> Run(CompareSettings settings, IReadOnlyList<GeneratedTemplate> templates, PeerTool strata, PeerTool? cfnLint)
    {
        var results = new List<GeneratedComparison>();
        var timedOut = new List<GeneratedTemplate>();
        foreach (var template in templates)
        {
            var large = template.Resources > LargeTemplate;
            var runs = large ? Math.Max(3, settings.FileRuns / 3) : settings.FileRuns;
            CompareCommand.Log($"{template.Name}: {template.Resources} resources, {template.Conditions} conditions, {template.Bytes / 1024.0:0} KiB");
            var (inProcess, process) = Workers.Run<FileRun>(
                ["file", "--path", template.Path, "--runs", Text(runs), "--warmup", large ? "1" : "3"],
                settings.StrataTimeout);
            if (inProcess is not null)
            {
                CompareCommand.Log($"  strata in-process: parse+validate {inProcess.ParseAndValidateSeconds * 1000:0.0} ms, with model+graph {inProcess.TotalSeconds * 1000:0.0} ms");
            }

            var cli = Enumerable.Range(0, CliCalls)
                .Select(_ => strata.Run([template.Path], settings.StrataTimeout))
                .OrderBy(r => r.Seconds)
                .ElementAt(CliCalls / 2);
            CompareCommand.Log($"  strata CLI: {cli.Seconds:0.000} s");

            ProcessRun? lint = null;
            var skipped = cfnLint is null ? "cfn-lint skipped" : SkipReason(settings, template, timedOut);
            if (cfnLint is not null && skipped is null)
            {
                lint = cfnLint.Run([template.Path], template.Kind == "conditions" ? settings.CfnLintConditionsTimeout : settings.CfnLintTimeout);
                CompareCommand.Log($"  cfn-lint: {Format.Duration(lint)}");
                if (lint.TimedOut || lint.Failure is not null)
                {
                    timedOut.Add(template);
                }
            }
            else if (skipped is not null)
            {
                CompareCommand.Log($"  cfn-lint: not run ({skipped})");
            }

            results.Add(new GeneratedComparison(
                template,
                inProcess,
                process,
                cli,
                lint,
                skipped,
                lint is null || lint.Failure is not null ? null : lint.Seconds / cli.Seconds,
                lint?.MaxRssBytes is { } theirs && cli.MaxRssBytes is { } mine ? (double)theirs / mine : null));
        }

        return results;
    }

    private static string? SkipReason(CompareSettings settings, GeneratedTemplate template, List<GeneratedTemplate> timedOut)
    {
        if (template.Kind == "conditions" && template.Size > settings.CfnLintMaxConditions)
        {
            return $"larger than --cfn-lint-max-conditions {settings.CfnLintMaxConditions}";
        }

        // cfn-lint spends its time in its rules, not its parser, and one 10,000-resource run takes many minutes:
        // the YAML form of the same template stands for both.
        if (template.Kind == "mix" && template.Resources > LargeTemplate && template.Name.EndsWith(".json", StringComparison.Ordinal))
        {
            return $"same template as {Path.ChangeExtension(template.Name, ".yaml")}, which cfn-lint is given instead";
        }

        var smaller = timedOut.FirstOrDefault(t => t.Kind == template.Kind && t.Size <= template.Size);
        return smaller is null ? null : $"{smaller.Name} already did not finish";
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
