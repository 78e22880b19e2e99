using System.Diagnostics;
using System.Globalization;
using Strata.Bench.Report;

namespace Strata.Bench.Peers;

/// <summary>The outcome of one child process: its run record and its output.</summary>
internal sealed record ProcessOutput(ProcessRun Run, string Stdout, string Stderr);

/// <summary>
/// Starts one process, times it wall-clock, bounds it with a timeout (killing its whole tree when it runs over)
/// and, where GNU time is installed, records its peak resident memory (<c>/usr/bin/time -f %M</c>).
/// </summary>
internal static class ProcessRunner
{
    private const string GnuTime = "/usr/bin/time";

    public static bool CanMeasureMemory { get; } = File.Exists(GnuTime);

    public static ProcessOutput Run(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var rssFile = CanMeasureMemory ? Path.GetTempFileName() : null;
        var start = new ProcessStartInfo
        {
            FileName = rssFile is null ? fileName : GnuTime,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (rssFile is not null)
        {
            foreach (var a in new[] { "-f", "%M", "-o", rssFile, "--", fileName })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        // Tiered compilation and GC settings stay at the defaults a user gets; only telemetry is silenced.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var command = string.Join(' ', new[] { fileName }.Concat(arguments).Select(Quote));
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
            var run = new ProcessRun(command, seconds, timedOut ? -1 : process.ExitCode, timedOut, timeout.TotalSeconds,
                timedOut ? null : ReadRss(rssFile), null);
            return new ProcessOutput(run, stdout.Result, stderr.Result);
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

    private static long? ReadRss(string? file)
    {
        if (file is null || !File.Exists(file))
        {
            return null;
        }

        // GNU time writes "Command exited with non-zero status N" before the value when the command fails.
        var last = File.ReadLines(file).LastOrDefault(l => l.Trim().Length > 0);
        return long.TryParse(last?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var kilobytes) ? kilobytes * 1024 : null;
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./=:+,@".Contains(c)) ? argument : $"'{argument.Replace("'", "'\\''")}'";
}
