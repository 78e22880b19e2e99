using System.Text.Json;
using Strata.Bench.Report;

namespace Strata.Bench.Peers;

/// <summary>
/// The two command-line validators compared: <c>cfn-lint FILE... --format json</c> and
/// <c>strata validate FILE... --format json</c> (the published ReadyToRun binary, called directly so the
/// <c>./strata</c> wrapper's build check is not timed). Both count their findings from their JSON output.
/// </summary>
internal sealed record PeerTool(string Name, string Executable, Func<IReadOnlyList<string>, IReadOnlyList<string>> Arguments, Func<string, int?> CountFindings)
{
    /// <summary>Address-space bound for each call (null: none). cfn-lint reaches many GiB on chained conditions.</summary>
    public long? MemoryLimitBytes { get; init; }

    public static PeerTool CfnLint(string executable, long? memoryLimitBytes) => new(
        "cfn-lint",
        executable,
        files => [.. files, "--format", "json"],
        CountCfnLintFindings)
    {
        MemoryLimitBytes = memoryLimitBytes,
    };

    public static PeerTool Strata(string executable) => new(
        "strata",
        executable,
        files => ["validate", .. files, "--format", "json"],
        CountStrataFindings);

    /// <summary>Runs the tool once over <paramref name="files"/>; the run carries its finding count.</summary>
    public ProcessRun Run(IReadOnlyList<string> files, TimeSpan timeout)
    {
        var output = ProcessRunner.Run(Executable, Arguments(files), timeout, MemoryLimitBytes);
        var findings = output.Run.TimedOut ? null : CountFindings(output.Stdout);
        var failure = output.Run.Failure;
        if (!output.Run.TimedOut && findings is null)
        {
            // Both tools exit non-zero when they have findings; only output that is not their JSON means trouble.
            failure ??= $"exited {output.Run.ExitCode} without its JSON report: {Workers.Tail(output.Stderr, 200)}";
            Console.Error.WriteLine($"  {Name} {failure}");
        }

        return output.Run with { Findings = findings, Failure = failure };
    }

    // cfn-lint prints one JSON array of matches for all files.
    private static int? CountCfnLintFindings(string stdout)
    {
        try
        {
            using var json = JsonDocument.Parse(stdout);
            return json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.GetArrayLength() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // strata prints {"files":[{"diagnostics":[...]}, ...]}.
    private static int? CountStrataFindings(string stdout)
    {
        try
        {
            using var json = JsonDocument.Parse(stdout);
            if (!json.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var count = 0;
            foreach (var file in files.EnumerateArray())
            {
                if (file.TryGetProperty("diagnostics", out var diagnostics) && diagnostics.ValueKind == JsonValueKind.Array)
                {
                    count += diagnostics.GetArrayLength();
                }
            }

            return count;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
