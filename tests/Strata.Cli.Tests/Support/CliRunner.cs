using System.Diagnostics;

namespace Strata.Cli.Tests.Support;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the CLI in process (fast) or as a real child process (exit codes, streams, no stack traces).</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, isTerminal: false);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs <c>dotnet strata.dll</c> (the build output beside the tests) in a child process.</summary>
    public static Task<CliResult> RunProcessAsync(params string[] args) => RunProcessAsync(new Dictionary<string, string?>(), args);

    /// <summary>
    /// Runs <c>dotnet strata.dll</c> in a child process whose environment is this one's changed by
    /// <paramref name="environment"/> (a null value removes the variable): AWS settings reach the child only.
    /// </summary>
    public static async Task<CliResult> RunProcessAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "strata.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        ChildProcessEnvironment.Apply(start, environment);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung child, not a time limit under test: the child is killed and the test fails.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"strata {string.Join(' ', args)} did not exit; it was killed");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static string Example(string name) => Path.Combine(RepositoryPaths.Root, "examples", name);
}
