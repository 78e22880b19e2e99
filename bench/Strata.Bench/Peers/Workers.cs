using System.Text.Json;
using Strata.Bench.Report;

namespace Strata.Bench.Peers;

/// <summary>
/// Runs this program's own measurement commands (<c>corpus</c>, <c>file</c>) in a fresh process, bounded by a
/// timeout, and reads the JSON they print. A fresh process per measurement keeps JIT warm-up and peak memory
/// attributable, and a pathological template can be stopped without stopping the comparison.
/// </summary>
internal static class Workers
{
    public static (T? Result, ProcessRun Run) Run<T>(IReadOnlyList<string> arguments, TimeSpan timeout) where T : class
    {
        var (fileName, prefix) = Self();
        var output = ProcessRunner.Run(fileName, prefix.Concat(arguments).ToList(), timeout);
        if (output.Run.TimedOut || output.Run.ExitCode != 0)
        {
            if (!output.Run.TimedOut)
            {
                Console.Error.WriteLine($"  worker failed (exit {output.Run.ExitCode}): {Tail(output.Stderr)}");
            }

            return (null, output.Run);
        }

        return (JsonSerializer.Deserialize<T>(output.Stdout, BenchJson.Options), output.Run);
    }

    // The apphost next to the assembly when there is one, else "dotnet Strata.Bench.dll".
    private static (string FileName, string[] Prefix) Self()
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, "Strata.Bench");
        if (File.Exists(apphost))
        {
            return (apphost, []);
        }

        return ("dotnet", [Path.Combine(AppContext.BaseDirectory, "Strata.Bench.dll")]);
    }

    internal static string Tail(string text, int length = 600) =>
        text.Length <= length ? text.Trim() : "..." + text[^length..].Trim();
}
