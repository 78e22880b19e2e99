using System.Diagnostics;
using System.Text.Json;

namespace Strata.Testing;

/// <summary>
/// The official AWS CLI, run as a child process against an endpoint: a client no one here wrote, used to
/// check what Strata built. Credentials go into the child's environment only (a null value removes a variable).
/// </summary>
public sealed class AwsCli(string endpoint, IReadOnlyDictionary<string, string?> environment)
{
    public AwsCli(Uri endpoint, IReadOnlyDictionary<string, string> environment)
        : this(endpoint.ToString(), environment.ToDictionary(v => v.Key, v => (string?)v.Value))
    {
    }

    /// <summary>Runs <c>aws ARGUMENTS --output json</c> and parses what it printed; a non-zero exit throws with its stderr.</summary>
    public async Task<JsonDocument> JsonAsync(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RunAsync(arguments);
        if (exitCode != 0)
            throw new InvalidOperationException($"aws {string.Join(' ', arguments)} exited with {exitCode}: {stderr}");
        return JsonDocument.Parse(string.IsNullOrWhiteSpace(stdout) ? "{}" : stdout);
    }

    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--endpoint-url", endpoint, "--output", "json" }.Concat(arguments))
            startInfo.ArgumentList.Add(argument);
        ChildProcessEnvironment.Apply(startInfo, environment);
        // The CLI reads AWS_DEFAULT_REGION, and must not pick up the endpoint variables Strata's tests set.
        startInfo.Environment["AWS_DEFAULT_REGION"] = environment.GetValueOrDefault("AWS_REGION") ?? AwsUserEnvironment.Region;
        startInfo.Environment.Remove("AWS_ENDPOINT_URL");
        startInfo.Environment["AWS_PAGER"] = "";

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("aws did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
