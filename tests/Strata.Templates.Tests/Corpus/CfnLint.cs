using System.Diagnostics;
using System.Text.Json;

namespace Strata.Templates.Tests.Corpus;

/// <summary>One finding of cfn-lint's <c>--format json</c> output.</summary>
internal sealed record CfnLintFinding(string File, string Rule, string Level, int Line, string Message);

/// <summary>
/// Runs the cfn-lint installed in the machine's Python environment (it is not installed by the build: a
/// missing cfn-lint fails the test with instructions rather than skipping it).
/// </summary>
internal static class CfnLint
{
    // cfn-lint takes ~0.1 s per template; this only guards against a hung process.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(15);

    public static string Executable()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "cfn-lint.exe", "cfn-lint.cmd", "cfn-lint" } : ["cfn-lint"];
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        Assert.Fail("cfn-lint is not on PATH. These tests compare Strata with cfn-lint 1.51 from the machine's Python environment: " +
            "install it with `pip install cfn-lint==1.51.0` (or activate the environment that has it) and run the tests again.");
        return "";
    }

    /// <summary>The ids of every rule cfn-lint has (<c>--list-rules</c>).</summary>
    public static HashSet<string> RuleIds(string executable)
    {
        var (stdout, _) = Run(executable, ["--list-rules"]);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in stdout.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon == 5 && line[0] is 'E' or 'W' or 'I' && line[1..5].All(char.IsAsciiDigit))
            {
                ids.Add(line[..5]);
            }
        }

        Assert.True(ids.Count > 100, "cfn-lint --list-rules listed no rules:\n" + stdout);
        return ids;
    }

    /// <summary>Lints all files in one cfn-lint process (it is slow to start) and returns the findings.</summary>
    public static List<CfnLintFinding> Lint(string executable, IReadOnlyList<string> files)
    {
        var arguments = new List<string> { "--format", "json", "--" };
        arguments.AddRange(files);
        var (stdout, stderr) = Run(executable, arguments);
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(stdout).RootElement;
        }
        catch (JsonException ex)
        {
            Assert.Fail($"cfn-lint did not print JSON ({ex.Message}). stderr:\n{stderr}");
            return [];
        }

        var findings = new List<CfnLintFinding>();
        foreach (var item in root.EnumerateArray())
        {
            findings.Add(new CfnLintFinding(
                Path.GetFullPath(item.GetProperty("Filename").GetString()!),
                item.GetProperty("Rule").GetProperty("Id").GetString()!,
                item.GetProperty("Level").GetString()!,
                item.GetProperty("Location").GetProperty("Start").GetProperty("LineNumber").GetInt32(),
                item.GetProperty("Message").GetString()!));
        }

        return findings;
    }

    private static (string Stdout, string Stderr) Run(string executable, IEnumerable<string> arguments)
    {
        // An empty working directory: cfn-lint would otherwise pick up a .cfnlintrc from the current one.
        var workingDirectory = Directory.CreateTempSubdirectory("strata-cfnlint-");
        try
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory.FullName,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("cfn-lint did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Patience))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"cfn-lint did not finish within {Patience.TotalMinutes} minutes");
            }

            return (stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }
        finally
        {
            workingDirectory.Delete(recursive: true);
        }
    }
}
