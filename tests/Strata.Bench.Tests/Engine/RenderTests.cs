using Strata.Bench.Engine.Report;
using Strata.Testing;
using EngineUsageException = Strata.Bench.Engine.BenchUsageException;

namespace Strata.Bench.Tests.Engine;

/// <summary><c>--render FILE</c>: a recorded results file read back, its targets judged again, its tables rendered.</summary>
public sealed class RenderTests : IDisposable
{
    private static readonly string Recorded = Path.Combine(AppContext.BaseDirectory, "Engine", "Data", "recorded-small.json");

    private readonly string _scratch = Directory.CreateTempSubdirectory("strata-bench-render-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Rerender_RecordedFile_JudgesTheTargetsAgain()
    {
        var results = ResultsFile.Rerender(Recorded);

        // Worked out by hand from the file: median run 1040 / 1000 ms; p99s 12, 9, 15 ms; plans 544 and 1200 ms;
        // 44,890,000 heap bytes and a 10,930,000-byte resources table over 10,000 resources.
        Assert.DoesNotContain(results.Targets, t => t.Note == "stale");
        Assert.Equal(
            [("1.040", true), ("12.0 ms", false), ("544 ms", true), ("1200 ms", false), ("4489 B", false), ("1093 B", true)],
            results.Targets.Select(t => (t.Measured, t.Met)));
        Assert.Contains("--max-parallel 10: 2.000", results.Targets[0].Note);
        Assert.Contains("(12.0, 9.0, 15.0 ms)", results.Targets[1].Note);
        Assert.Contains("bare walk (IWalkObserver): 0.02 ms", results.Targets[1].Note);
    }

    [Fact]
    public void Render_RecordedFile_TablesShowTheMediansAndVerdicts()
    {
        var results = ResultsFile.Rerender(Recorded);

        var markdown = MarkdownReport.Render(results);

        Assert.StartsWith("Run of 2026-11-22 01:41 UTC, commit `abc1234`, 2 cores", markdown);
        foreach (var target in results.Targets)
        {
            Assert.Contains($"| {target.Target} | {target.Limit} | {target.Measured} | {(target.Met ? "yes" : "**no**")} | {target.Note} |", markdown);
        }
        var applyRow = Assert.Single(markdown.Split('\n'), l => l.StartsWith("| mixed-5000 | 9515 | 200 |", StringComparison.Ordinal));
        Assert.Contains("| 1000 ms | 1040 ms | **1.040** | 1.020–1.100 |", applyRow);
        Assert.Contains("| 12.0 | 9.00–15.0 |", markdown);
        Assert.Contains("| empty state | 1068 ms | **544 ms** |", markdown);
        Assert.Contains("**4489**", markdown);
        Assert.Contains("**1093**", markdown);
        Assert.DoesNotContain("older build", markdown);
    }

    [Fact]
    public void Rerender_CommittedResults_StillRead()
    {
        var committed = Path.Combine(RepositoryPaths.Root, "bench", "results", "engine-latest.json");

        var results = ResultsFile.Rerender(committed);

        var markdown = MarkdownReport.Render(results);

        Assert.NotEmpty(results.Apply);
        foreach (var group in results.Apply)
        {
            Assert.Single(results.Targets, t => t.Target == $"makespan ÷ critical path, {group.Graph}");
            Assert.Contains($"| {group.Graph} | {group.Edges} | {group.Depth} |", markdown);
        }
    }

    [Fact]
    public void Rerender_MissingFile_UsageErrorNamingIt()
    {
        var missing = Path.Combine(_scratch, "nothing.json");

        var error = Assert.Throws<EngineUsageException>(() => ResultsFile.Rerender(missing));

        Assert.Equal($"--render: {missing} does not exist", error.Message);
    }

    [Theory]
    [InlineData("{ \"Commit\": ", "is not an engine results file")]
    [InlineData("{ \"Commit\": \"abc\" }", "is not an engine results file")]
    [InlineData("null", "is empty")]
    public void Rerender_NotAResultsFile_UsageErrorNamingIt(string content, string expected)
    {
        var path = Path.Combine(_scratch, "bad.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<EngineUsageException>(() => ResultsFile.Rerender(path));

        Assert.StartsWith($"--render: {path} {expected}", error.Message);
    }

    [Fact]
    public void WriteInto_FileWithMarkers_ReplacesOnlyTheResultsBlock()
    {
        var path = Path.Combine(_scratch, "ENGINE.md");
        File.WriteAllText(path, $"# Before\n\n{MarkdownReport.BeginMarker}\n\nold tables\n\n{MarkdownReport.EndMarker}\n\n## After\n");

        MarkdownReport.WriteInto(path, "new tables\n\n");

        Assert.Equal($"# Before\n\n{MarkdownReport.BeginMarker}\n\nnew tables\n\n{MarkdownReport.EndMarker}\n\n## After\n", File.ReadAllText(path));
    }

    [Fact]
    public void WriteInto_FileWithoutMarkers_AppendsABlock()
    {
        var path = Path.Combine(_scratch, "notes.md");
        File.WriteAllText(path, "# Notes\n\n");

        MarkdownReport.WriteInto(path, "tables");

        Assert.Equal($"# Notes\n\n{MarkdownReport.BeginMarker}\n\ntables\n\n{MarkdownReport.EndMarker}\n", File.ReadAllText(path));
    }

    [Fact]
    public void WriteInto_NoFile_CreatesItWithTheBlock()
    {
        var path = Path.Combine(_scratch, "new.md");

        MarkdownReport.WriteInto(path, "tables");

        Assert.Equal($"{MarkdownReport.BeginMarker}\n\ntables\n\n{MarkdownReport.EndMarker}\n", File.ReadAllText(path));
    }
}
