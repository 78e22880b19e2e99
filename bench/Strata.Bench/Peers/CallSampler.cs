using System.Text.Json;
using Strata.Bench.Measurement;
using Strata.Bench.Report;

namespace Strata.Bench.Peers;

/// <summary>
/// Cold command-line calls, one process per template: with <c>hyperfine</c> when it is installed (one warm-up
/// call per template, then <c>calls</c> timed ones, no shell in between), else a plain timing loop. Either way
/// one extra call per template through <see cref="ProcessRunner"/> records CPU time and peak memory.
/// </summary>
internal static class CallSampler
{
    public static CallSample Measure(PeerTool tool, IReadOnlyList<string> files, int calls, TimeSpan timeout, string workDirectory)
    {
        var hyperfine = ExecutableLookup.FindOnPath("hyperfine");
        var times = hyperfine is not null && files.All(f => !f.Contains(',') && !f.Contains(' '))
            ? Hyperfine(hyperfine, tool, files, calls, workDirectory)
            : null;
        var method = times is null ? "loop" : "hyperfine";
        var memory = new List<long>();
        var cpu = new List<double>();
        var loopTimes = new List<double>();
        foreach (var file in files)
        {
            var run = ProcessRunner.Run(tool.Executable, tool.Arguments([file]), timeout).Run;
            if (run.MaxRssBytes is { } rss)
            {
                memory.Add(rss);
            }

            if (run.CpuSeconds is { } seconds)
            {
                cpu.Add(seconds);
            }

            if (times is null)
            {
                loopTimes.Add(run.Seconds);
                for (var i = 1; i < calls; i++)
                {
                    loopTimes.Add(ProcessRunner.Run(tool.Executable, tool.Arguments([file]), timeout).Run.Seconds);
                }
            }
        }

        times ??= loopTimes;
        return new CallSample(tool.Name, method, times.Count, Stats.Median(times), Stats.Percentile(times, 90), times.Min(), times.Max(),
            memory.Count == 0 ? null : Stats.Median(memory),
            cpu.Count == 0 ? null : Stats.Median(cpu));
    }

    private static List<double>? Hyperfine(string hyperfine, PeerTool tool, IReadOnlyList<string> files, int calls, string workDirectory)
    {
        var export = Path.Combine(workDirectory, $"hyperfine-{tool.Name}.json");
        var command = string.Join(' ', new[] { tool.Executable }.Concat(tool.Arguments(["{file}"])));
        string[] arguments =
        [
            "-N", "--ignore-failure", "--style", "none",
            "--warmup", "1", "--runs", calls.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--export-json", export,
            "-L", "file", string.Join(',', files),
            command,
        ];
        var output = ProcessRunner.Run(hyperfine, arguments, TimeSpan.FromHours(2));
        if (output.Run.ExitCode != 0 || !File.Exists(export))
        {
            Console.Error.WriteLine($"  hyperfine failed ({Workers.Tail(output.Stderr)}); timing with a loop instead");
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(export));
        return json.RootElement.GetProperty("results").EnumerateArray()
            .SelectMany(r => r.GetProperty("times").EnumerateArray().Select(t => t.GetDouble()))
            .ToList();
    }
}
