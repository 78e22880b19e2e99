using System.Text.Json;
using System.Text.Json.Serialization;

namespace Strata.Bench.Engine.Report;

/// <summary>The recorded results file (bench/results/engine-latest.json): its JSON form, and reading one back for <c>--render</c>.</summary>
public static class ResultsFile
{
    /// <summary>How results are written and read: indented, enums by name, NaN and infinities allowed.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>A recorded run, with its targets judged again by this build's rules.</summary>
    public static EngineResults Rerender(string path)
    {
        if (!File.Exists(path))
        {
            throw new BenchUsageException($"--render: {path} does not exist");
        }
        EngineResults? recorded;
        try
        {
            recorded = JsonSerializer.Deserialize<EngineResults>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new BenchUsageException($"--render: {path} is not an engine results file: {ex.Message}");
        }
        if (recorded is null)
        {
            throw new BenchUsageException($"--render: {path} is empty");
        }
        return recorded with { Targets = Targets.Evaluate(recorded) };
    }
}
