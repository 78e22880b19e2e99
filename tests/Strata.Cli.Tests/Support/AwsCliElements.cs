using System.Text.Json;

namespace Strata.Cli.Tests.Support;

/// <summary>
/// The aws CLI (<see cref="AwsCli"/>) as these tests use it: each reads a value or two from one answer, so
/// <see cref="JsonAsync"/> returns a detached root element instead of a document to dispose.
/// </summary>
public sealed class AwsCliElements(AwsCli cli)
{
    public async Task<JsonElement> JsonAsync(params string[] arguments)
    {
        using var document = await cli.JsonAsync(arguments);
        return document.RootElement.Clone();
    }

    public Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments) => cli.RunAsync(arguments);
}
