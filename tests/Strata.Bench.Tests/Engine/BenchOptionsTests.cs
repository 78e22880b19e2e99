using Strata.Bench.Engine;
using Strata.Bench.Engine.Graphs;
// Inside Strata.Bench.Tests.*, the bare name would find the validation bench's exception (namespace Strata.Bench) first.
using EngineUsageException = Strata.Bench.Engine.BenchUsageException;

namespace Strata.Bench.Tests.Engine;

public sealed class BenchOptionsTests
{
    [Fact]
    public void Parse_NoArguments_DocumentedDefaults()
    {
        var options = BenchOptions.Parse([]);

        Assert.Equal([500, 5000], options.Sizes);
        Assert.Equal([GraphShape.Wide, GraphShape.Deep, GraphShape.Mixed], options.Shapes);
        Assert.Equal(3, options.Repetitions);
        Assert.Equal(42, options.Seed);
        Assert.Equal(GraphGenerator.MinDurationMs, options.MinDurationMs);
        Assert.Equal(GraphGenerator.MaxDurationMs, options.MaxDurationMs);
        Assert.Equal(10, options.PeerMaxParallel);
        Assert.Equal(10_000, options.PlanResources);
        Assert.Equal(5, options.PlanRuns);
        Assert.Equal(["plan", "walk", "apply"], options.Stages);
        Assert.Equal(2.0, options.LoadThreshold);
        Assert.Null(options.RenderFrom);
        Assert.Null(options.JsonPath);
        Assert.Null(options.MarkdownPath);
    }

    [Fact]
    public void Parse_EveryOption_SetsWhatItNames()
    {
        var options = BenchOptions.Parse([
            "--sizes", "100,2000", "--shapes", "deep,MIXED", "--reps", "2", "--seed", "7", "--durations", "10-20",
            "--peer-max-parallel", "4", "--plan-resources", "300", "--plan-runs", "1", "--stages", "walk, apply",
            "--data-root", "data", "--json", "out.json", "--render", "in.json", "--markdown", "ENGINE.md",
            "--load-threshold", "0.5", "--max-wait", "0", "--wait-budget", "30",
        ]);

        Assert.Equal([100, 2000], options.Sizes);
        Assert.Equal([GraphShape.Deep, GraphShape.Mixed], options.Shapes);
        Assert.Equal(2, options.Repetitions);
        Assert.Equal(7, options.Seed);
        Assert.Equal((10, 20), (options.MinDurationMs, options.MaxDurationMs));
        Assert.Equal(4, options.PeerMaxParallel);
        Assert.Equal(300, options.PlanResources);
        Assert.Equal(1, options.PlanRuns);
        Assert.Equal(["walk", "apply"], options.Stages);
        Assert.Equal(Path.GetFullPath("data"), options.DataRoot);
        Assert.Equal(Path.GetFullPath("out.json"), options.JsonPath);
        Assert.Equal(Path.GetFullPath("in.json"), options.RenderFrom);
        Assert.Equal(Path.GetFullPath("ENGINE.md"), options.MarkdownPath);
        Assert.Equal(0.5, options.LoadThreshold);
        Assert.Equal(0, options.MaxWaitSeconds);
        Assert.Equal(30, options.WaitBudgetSeconds);
    }

    [Fact]
    public void Parse_Quick_OneRepetitionAndTwoWarmPlans()
    {
        var options = BenchOptions.Parse(["--quick", "--sizes", "500"]);

        Assert.Equal(1, options.Repetitions);
        Assert.Equal(2, options.PlanRuns);
        Assert.Equal([500], options.Sizes);
    }

    [Fact]
    public void Runs_StagesSubset_OnlyThoseStages()
    {
        var options = BenchOptions.Parse(["--stages", "plan"]);

        Assert.True(options.Runs("plan"));
        Assert.False(options.Runs("walk"));
        Assert.False(options.Runs("apply"));
    }

    [Theory]
    [InlineData("--durations: expected MIN-MAX in milliseconds with 1 <= MIN <= MAX, got '50-5'", "--durations", "50-5")]
    [InlineData("--durations: expected MIN-MAX in milliseconds with 1 <= MIN <= MAX, got '0-5'", "--durations", "0-5")]
    [InlineData("--durations: expected MIN-MAX in milliseconds with 1 <= MIN <= MAX, got '20'", "--durations", "20")]
    [InlineData("unknown option '--frobnicate'", "--frobnicate", "1")]
    [InlineData("expected --option value, got '--sizes'", "--sizes")]
    [InlineData("expected --option value, got 'sizes'", "sizes", "500")]
    [InlineData("--sizes: '1' is not a whole number >= 2", "--sizes", "500,1")]
    [InlineData("--sizes: 'many' is not a whole number >= 2", "--sizes", "many")]
    [InlineData("--shapes: unknown shape 'round' (wide, deep, mixed)", "--shapes", "wide,round")]
    [InlineData("--stages: unknown stage(s) bake (plan, walk, apply)", "--stages", "plan,bake")]
    [InlineData("--reps: '0' is not a whole number >= 1", "--reps", "0")]
    [InlineData("--load-threshold: '-1' is not a number >= 0", "--load-threshold", "-1")]
    public void Parse_BadUsage_ThrowsUsageErrorNamingTheProblem(string expected, params string[] args)
    {
        var error = Assert.Throws<EngineUsageException>(() => BenchOptions.Parse(args));

        Assert.Equal(expected, error.Message);
    }
}
