using System.Diagnostics;
using System.Globalization;
using Strata.Bench.Report;

namespace Strata.Bench.Peers;

/// <summary>The outcome of one child process: its run record and its output.</summary>
internal sealed record ProcessOutput(ProcessRun Run, string Stdout, string Stderr);

/// <summary>
/// Starts one process, times it wall-clock, bounds it with a timeout (killing its whole tree when it runs over)
/// and optionally with an address-space limit (<c>prlimit --as</c>, so a runaway peer cannot take the shared
/// machine's memory), and, where GNU time is installed, records its CPU time and peak resident memory
/// (<c>/usr/bin/time -f "%U %S %M"</c>).
/// </summary>
internal static class ProcessRunner
{
    private const string GnuTime = "/usr/bin/time";

    private const string Prlimit = "/usr/bin/prlimit";

    public static bool CanMeasureMemory { get; } = File.Exists(GnuTime);

    public static bool CanLimitMemory { get; } = File.Exists(Prlimit);

    public static ProcessOutput Run(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, long? memoryLimitBytes = null)
    {
        var rssFile = CanMeasureMemory ? Path.GetTempFileName() : null;
        var command = new List<string>();
        if (rssFile is not null)
        {
            command.AddRange([GnuTime, "-f", "%U %S %M", "-o", rssFile, "--"]);
        }

        if (memoryLimitBytes is { } limit && CanLimitMemory)
        {
            command.AddRange([Prlimit, $"--as={limit.ToString(CultureInfo.InvariantCulture)}", "--"]);
        }

        command.Add(fileName);
        command.AddRange(arguments);
        var start = new ProcessStartInfo
        {
            FileName = command[0],
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        // Tiered compilation and GC settings stay at the defaults a user gets; only telemetry is silenced.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var shown = string.Join(' ', new[] { fileName }.Concat(arguments).Select(Quote));
        try
        {
            var stopwatch = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new BenchUsageException($"Could not start {fileName}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var timedOut = !process.WaitForExit(timeout);
            if (timedOut)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.WaitForExit(); // drains the redirected streams
            stopwatch.Stop();
            var seconds = timedOut ? timeout.TotalSeconds : stopwatch.Elapsed.TotalSeconds;
            var usage = timedOut ? null : ReadUsage(rssFile);
            var run = new ProcessRun(shown, seconds, timedOut ? -1 : process.ExitCode, timedOut, timeout.TotalSeconds,
                usage?.MaxRssBytes, null, null, usage?.CpuSeconds);
            var errors = stderr.Result;
            if (!timedOut && memoryLimitBytes is { } bound && errors.Contains("MemoryError", StringComparison.Ordinal))
            {
                run = run with { Failure = $"ran out of its {bound / (1L << 30)} GiB memory bound after {seconds:0} s" };
            }

            return new ProcessOutput(run, stdout.Result, errors);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new BenchUsageException($"Could not start {fileName}: {ex.Message}");
        }
        finally
        {
            if (rssFile is not null)
            {
                File.Delete(rssFile);
            }
        }
    }

    private static (double CpuSeconds, long MaxRssBytes)? ReadUsage(string? file)
    {
        if (file is null || !File.Exists(file))
        {
            return null;
        }

        // "user system maxrss-KiB"; GNU time writes "Command exited with non-zero status N" first when the command fails.
        var last = File.ReadLines(file).LastOrDefault(l => l.Trim().Length > 0)?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (last is not { Length: 3 } ||
            !double.TryParse(last[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var user) ||
            !double.TryParse(last[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var system) ||
            !long.TryParse(last[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kilobytes))
        {
            return null;
        }

        return (user + system, kilobytes * 1024);
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./=:+,@".Contains(c)) ? argument : $"'{argument.Replace("'", "'\\''")}'";
}
