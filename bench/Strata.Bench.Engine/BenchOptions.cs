using System.Globalization;
using Strata.Bench.Engine.Graphs;

namespace Strata.Bench.Engine;

/// <summary>Bad command-line usage: printed without a stack trace, exit code 2.</summary>
public sealed class BenchUsageException(string message) : Exception(message);

/// <summary>The bench's settings (<c>--name value</c> options; see bench/ENGINE.md).</summary>
public sealed record BenchOptions
{
    public IReadOnlyList<int> Sizes { get; init; } = [500, 5000];

    public IReadOnlyList<GraphShape> Shapes { get; init; } = [GraphShape.Wide, GraphShape.Deep, GraphShape.Mixed];

    /// <summary>Repetitions of each apply run (the tables show the median).</summary>
    public int Repetitions { get; init; } = 3;

    public int Seed { get; init; } = 42;

    /// <summary>Per-resource times of the apply graphs are drawn uniformly from this range (milliseconds).</summary>
    public int MinDurationMs { get; init; } = GraphGenerator.MinDurationMs;

    public int MaxDurationMs { get; init; } = GraphGenerator.MaxDurationMs;

    /// <summary>The cap of the comparison run: Terraform's default <c>-parallelism</c>.</summary>
    public int PeerMaxParallel { get; init; } = 10;

    public int PlanResources { get; init; } = 10_000;

    /// <summary>Warm plans timed after the first one.</summary>
    public int PlanRuns { get; init; } = 5;

    public IReadOnlyList<string> Stages { get; init; } = ["plan", "walk", "apply"];

    public string DataRoot { get; init; } = Path.Combine(Path.GetTempPath(), "strata-bench-engine");

    public string? JsonPath { get; init; }

    /// <summary>Measure nothing: re-render the tables (and re-judge the targets) of a recorded results file.</summary>
    public string? RenderFrom { get; init; }

    /// <summary>A markdown file whose results block (between markers) is replaced with this run's tables.</summary>
    public string? MarkdownPath { get; init; }

    /// <summary>Wait for the 1-minute load to drop below this before each measurement (0: never wait).</summary>
    public double LoadThreshold { get; init; } = 2.0;

    public int MaxWaitSeconds { get; init; } = 120;

    /// <summary>Total seconds the whole run may spend waiting for a quieter machine.</summary>
    public int WaitBudgetSeconds { get; init; } = 600;

    public bool Runs(string stage) => Stages.Contains(stage);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--quick")
            {
                options = options with { Repetitions = 1, PlanRuns = 2 };
                continue;
            }
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new BenchUsageException($"expected --option value, got '{name}'");
            }
            var value = args[++i];
            options = name switch
            {
                "--sizes" => options with { Sizes = IntList(name, value) },
                "--shapes" => options with { Shapes = value.Split(',').Select(s => Enum.TryParse<GraphShape>(s, true, out var shape) ? shape : throw new BenchUsageException($"--shapes: unknown shape '{s}' (wide, deep, mixed)")).ToList() },
                "--reps" => options with { Repetitions = Int(name, value, 1) },
                "--seed" => options with { Seed = Int(name, value, 0) },
                "--durations" => DurationRange(options, value),
                "--peer-max-parallel" => options with { PeerMaxParallel = Int(name, value, 1) },
                "--plan-resources" => options with { PlanResources = Int(name, value, 2) },
                "--plan-runs" => options with { PlanRuns = Int(name, value, 1) },
                "--stages" => options with { Stages = ParseStages(value) },
                "--data-root" => options with { DataRoot = Path.GetFullPath(value) },
                "--json" => options with { JsonPath = Path.GetFullPath(value) },
                "--render" => options with { RenderFrom = Path.GetFullPath(value) },
                "--markdown" => options with { MarkdownPath = Path.GetFullPath(value) },
                "--load-threshold" => options with { LoadThreshold = Double(name, value) },
                "--max-wait" => options with { MaxWaitSeconds = Int(name, value, 0) },
                "--wait-budget" => options with { WaitBudgetSeconds = Int(name, value, 0) },
                _ => throw new BenchUsageException($"unknown option '{name}'"),
            };
        }
        return options;
    }

    private static BenchOptions DurationRange(BenchOptions options, string value)
    {
        var parts = value.Split('-');
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var min) ||
            !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var max) || min < 1 || max < min)
        {
            throw new BenchUsageException($"--durations: expected MIN-MAX in milliseconds with 1 <= MIN <= MAX, got '{value}'");
        }
        return options with { MinDurationMs = min, MaxDurationMs = max };
    }

    private static List<string> ParseStages(string value)
    {
        var stages = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var unknown = stages.Except(["plan", "walk", "apply"]).ToList();
        return unknown.Count == 0 ? stages : throw new BenchUsageException($"--stages: unknown stage(s) {string.Join(", ", unknown)} (plan, walk, apply)");
    }

    private static List<int> IntList(string name, string value) => value.Split(',').Select(v => Int(name, v, 2)).ToList();

    private static int Int(string name, string value, int min) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n : throw new BenchUsageException($"{name}: '{value}' is not a whole number >= {min}");

    private static double Double(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0
            ? d : throw new BenchUsageException($"{name}: '{value}' is not a number >= 0");
}
