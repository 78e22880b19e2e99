using System.Text.Json;
using Strata.Bench.Engine;
using Strata.Bench.Engine.Report;

// Strata engine benchmarks (bench/run-engine.sh): prints tables and records numbers; asserts nothing.
try
{
    var options = BenchOptions.Parse(args);
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };
    var json = ResultsFile.Json;
    var results = options.RenderFrom is { } recorded
        ? ResultsFile.Rerender(recorded)
        : await new EngineBench(options).RunAsync(cancel.Token);
    var markdown = MarkdownReport.Render(results);
    Console.WriteLine(markdown);
    if (options.JsonPath is { } path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, json));
        Console.Error.WriteLine($"wrote {path}");
    }
    if (options.MarkdownPath is { } md)
    {
        MarkdownReport.WriteInto(md, markdown);
        Console.Error.WriteLine($"updated the results block of {md}");
    }
    // A missed target is a result, not a failure of the benchmark: the verdicts are in the tables.
    return 0;
}
catch (BenchUsageException ex)
{
    Console.Error.WriteLine($"Strata.Bench.Engine: {ex.Message}");
    return 2;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Strata.Bench.Engine: cancelled");
    return 130;
}
