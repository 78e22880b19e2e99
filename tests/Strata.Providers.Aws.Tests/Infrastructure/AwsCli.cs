using System.Diagnostics;
using System.Text.Json;

namespace Strata.Providers.Aws.Tests.Infrastructure;

/// <summary>
/// The official AWS CLI, run as a child process against an endpoint: a client no one here wrote, used to
/// check what Strata's client built. Credentials go into the child's environment only.
/// </summary>
public sealed class AwsCli(Uri endpoint, IReadOnlyDictionary<string, string> environment)
{
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
        foreach (var argument in new[] { "--endpoint-url", endpoint.ToString(), "--output", "json" }.Concat(arguments))
            startInfo.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) startInfo.Environment[name] = value;
        // The CLI reads AWS_DEFAULT_REGION, and must not pick up the endpoint variables Strata's tests set.
        startInfo.Environment["AWS_DEFAULT_REGION"] = environment.TryGetValue("AWS_REGION", out var region) ? region : "us-east-1";
        startInfo.Environment.Remove("AWS_ENDPOINT_URL");
        startInfo.Environment["AWS_PAGER"] = "";

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("aws did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
