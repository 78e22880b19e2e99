using Strata.Bench.Generation;

namespace Strata.Bench.Report;

/// <summary>What the validator reported, to show that a timed run did the work (and how the peers differ).</summary>
internal sealed record FindingCounts(int Errors, int Warnings, int Infos, int TemplatesWithErrors, int Crashes, int InternalErrors, IReadOnlyDictionary<string, int> ByRule);

internal sealed record SlowTemplate(string Path, double Seconds);

internal sealed record GcActivity(int Gen0, int Gen1, int Gen2, double PauseSeconds);

/// <summary>Strata validating the whole corpus in one process (<c>Strata.Bench corpus</c>).</summary>
internal sealed record CorpusRun(
    int Templates,
    long Bytes,
    int Passes,
    int WarmUpPasses,
    double ColdPassSeconds,
    IReadOnlyList<double> PassSeconds,
    double MedianPassSeconds,
    double MedianPassCpuSeconds,
    double TemplatesPerSecond,
    double MegabytesPerSecond,
    double ColdTemplatesPerSecond,
    double ParseSeconds,
    double ValidateSeconds,
    long AllocatedBytesPerTemplate,
    GcActivity GcPerPass,
    long PeakWorkingSetBytes,
    FindingCounts Findings,
    IReadOnlyList<SlowTemplate> Slowest);

/// <summary>Strata on one template, repeated (<c>Strata.Bench file</c>); times in seconds.</summary>
internal sealed record FileRun(
    string Path,
    long Bytes,
    int Runs,
    int WarmUpRuns,
    double ColdParseAndValidateSeconds,
    double ColdTotalSeconds,
    double ParseSeconds,
    double ValidateSeconds,
    double ValidateSettledTreeSeconds,
    double ModelSeconds,
    double GraphSeconds,
    double ParseAndValidateSeconds,
    double ParseAndValidateP90Seconds,
    double ParseAndValidateCpuSeconds,
    double TotalSeconds,
    double TotalCpuSeconds,
    long AllocatedBytesPerRun,
    GcActivity GcPerRun,
    long BaselineWorkingSetBytes,
    long PeakWorkingSetBytes,
    int GraphNodes,
    int GraphEdges,
    int GraphOrdered,
    FindingCounts Findings);

/// <summary>One process run by the comparison (a worker, a CLI call, cfn-lint).</summary>
internal sealed record ProcessRun(
    string Command,
    double Seconds,
    int ExitCode,
    bool TimedOut,
    double TimeoutSeconds,
    long? MaxRssBytes,
    int? Findings,
    string? Failure = null,
    double? CpuSeconds = null);

/// <summary>Many cold calls, one per template of a sample.</summary>
internal sealed record CallSample(string Tool, string Method, int Calls, double MedianSeconds, double P90Seconds, double MinSeconds, double MaxSeconds, long? MedianMaxRssBytes, double? MedianCpuSeconds);

internal sealed record CorpusComparison(
    int Templates,
    long Bytes,
    CorpusRun? Strata,
    ProcessRun StrataProcess,
    ProcessRun? CfnLint,
    double? CfnLintTemplatesPerSecond,
    double? CfnLintStartupSeconds,
    double? ThroughputRatio,
    double? ThroughputRatioExcludingStartup,
    double? CpuTimeRatio,
    double? PeakMemoryRatio);

internal sealed record CliComparison(IReadOnlyList<string> Files, CallSample Strata, CallSample? CfnLint, double? MedianRatio, double? P90Ratio);

internal sealed record GeneratedComparison(
    GeneratedTemplate Template,
    FileRun? Strata,
    ProcessRun StrataProcess,
    ProcessRun StrataCli,
    ProcessRun? CfnLint,
    string? CfnLintSkipped,
    double? CliRatio,
    double? MemoryRatio);

/// <summary>How time grows with the number of conditions: the fitted exponent k in time ∝ n^k (1 is linear).</summary>
/// <param name="FitFrom">The smallest size included in the fit (tiny templates measure fixed costs, not growth).</param>
/// <param name="Ratio4n">Time at 4·FitFrom conditions over time at FitFrom, when both were measured.</param>
internal sealed record GrowthSeries(string Tool, IReadOnlyList<int> Sizes, IReadOnlyList<double?> Seconds, IReadOnlyList<bool> TimedOut, int FitFrom, double? Exponent, double? Ratio4n);

internal sealed record TargetCheck(string Id, string Description, string Target, string Measured, bool? Met);

internal sealed record MachineInfo(string Cpu, int Cores, long MemoryBytes, string Os, string Runtime);

/// <summary>The machine's load average when a stage began: the machine is shared, and a busy machine stretches wall times.</summary>
internal sealed record LoadSample(string Stage, double OneMinute, double FiveMinutes);

internal sealed record ToolVersions(string? CfnLint, string? StrataCommit, string? Hyperfine, string SpecVersion);

internal sealed record BenchResults(
    DateTimeOffset Date,
    MachineInfo Machine,
    ToolVersions Versions,
    IReadOnlyDictionary<string, string> Settings,
    CorpusComparison Corpus,
    CliComparison Cli,
    IReadOnlyList<GeneratedComparison> Generated,
    IReadOnlyList<GrowthSeries> ConditionGrowth,
    IReadOnlyList<TargetCheck> Targets,
    IReadOnlyList<LoadSample> Load);
