using System.Diagnostics;
using System.Text.Json;

namespace Strata.Cli.Tests.Support;

/// <summary>The official aws CLI as a child process against an endpoint; credentials go into its environment only.</summary>
public sealed class AwsCli(string endpoint, IReadOnlyDictionary<string, string?> environment)
{
    public async Task<JsonElement> JsonAsync(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RunAsync(arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"aws {string.Join(' ', arguments)} exited with {exitCode}: {stderr}");
        }
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(stdout) ? "{}" : stdout);
        return document.RootElement.Clone();
    }

    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--endpoint-url", endpoint, "--output", "json" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        // The aws CLI reads AWS_DEFAULT_REGION; the endpoint is given explicitly.
        start.Environment["AWS_DEFAULT_REGION"] = environment.TryGetValue("AWS_REGION", out var region) && region is not null ? region : "us-east-1";
        start.Environment.Remove("AWS_ENDPOINT_URL");
        start.Environment["AWS_PAGER"] = "";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("aws did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
