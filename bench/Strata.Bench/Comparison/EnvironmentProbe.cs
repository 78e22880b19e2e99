using System.Globalization;
using System.Runtime.InteropServices;
using Strata.Bench.Peers;
using Strata.Bench.Report;
using Strata.Templates.Spec;

namespace Strata.Bench.Comparison;

/// <summary>Where and with what a run happened, so a results file can be read (and doubted) later.</summary>
internal sealed record RunEnvironment(MachineInfo Machine, ToolVersions Versions, IReadOnlyDictionary<string, string> Settings);

internal static class EnvironmentProbe
{
    public static RunEnvironment Describe(CompareSettings settings, PeerTool? cfnLint)
    {
        var machine = new MachineInfo(
            CpuModel(),
            Environment.ProcessorCount,
            GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription);

        var versions = new ToolVersions(
            cfnLint is null ? null : FirstLine(cfnLint.Executable, ["--version"]),
            StrataRevision(settings.RepositoryRoot),
            ExecutableLookup.FindOnPath("hyperfine") is { } hyperfine ? FirstLine(hyperfine, ["--version"]) : null,
            $"{ResourceSpecification.Default.SourcePackage} {ResourceSpecification.Default.SourceVersion} ({ResourceSpecification.Default.TypeCount} types)");

        string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
        var described = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["corpus"] = Path.GetRelativePath(settings.RepositoryRoot, settings.CorpusRoot),
            ["corpusPasses"] = Text(settings.Passes),
            ["cliSample"] = Text(settings.SampleSize),
            ["callsPerTemplate"] = Text(settings.CallsPerTemplate),
            ["runsPerGeneratedTemplate"] = Text(settings.FileRuns),
            ["cfnLintTimeoutSeconds"] = Text((int)settings.CfnLintTimeout.TotalSeconds),
            ["strataTimeoutSeconds"] = Text((int)settings.StrataTimeout.TotalSeconds),
            ["cfnLintConditionsTimeoutSeconds"] = Text((int)settings.CfnLintConditionsTimeout.TotalSeconds),
            ["cfnLintMemoryBound"] = ProcessRunner.CanLimitMemory ? $"{settings.CfnLintMemoryLimitBytes >> 30} GiB address space (prlimit --as)" : "none (prlimit missing)",
            ["cfnLintMaxConditions"] = Text(settings.CfnLintMaxConditions),
            ["cfnLintExecutable"] = cfnLint?.Executable ?? "(skipped)",
            ["strataCli"] = Path.GetRelativePath(settings.RepositoryRoot, settings.StrataCli),
            ["memory"] = ProcessRunner.CanMeasureMemory ? "peak RSS from /usr/bin/time -f %M" : "not measured (GNU time missing)",
        };
        return new RunEnvironment(machine, versions, described);
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    // Read-only git queries: the commit, and whether the validator's sources differ from it (work in progress).
    private static string? StrataRevision(string root)
    {
        var head = FirstLine("git", ["-C", root, "rev-parse", "--short", "HEAD"]);
        if (head is null)
        {
            return null;
        }

        var changed = ProcessRunner.Run("git", ["-C", root, "status", "--porcelain", "--", "src/Strata.Templates", "src/Strata.Cli"], TimeSpan.FromSeconds(30));
        return changed.Stdout.Trim().Length > 0 ? head + " + uncommitted changes in src/Strata.Templates or src/Strata.Cli" : head;
    }

    private static string? FirstLine(string executable, IReadOnlyList<string> arguments)
    {
        try
        {
            var output = ProcessRunner.Run(executable, arguments, TimeSpan.FromSeconds(60));
            var text = (output.Stdout + "\n" + output.Stderr).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
            return output.Run.ExitCode == 0 ? text : null;
        }
        catch (BenchUsageException)
        {
            return null;
        }
    }
}
