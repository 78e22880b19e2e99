using System.Text.Json;
using Strata.Cli.Tests.Support;

namespace Strata.Cli.Tests.CloudFormation;

/// <summary>
/// How <c>--provider</c> is chosen and which options go with which provider: all decided locally, before any AWS call
/// (these tests run in process with no AWS settings at all).
/// </summary>
public sealed class ProviderSelectionTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("strata-provider-").FullName;

    public ProviderSelectionTests()
    {
        // A fast sandbox, set per data directory so that parallel tests share no environment variable.
        File.WriteAllText(Path.Combine(_data, "sandbox.json"), """{"Speed": 1000, "Seed": 5}""");
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private Task<CliResult> StrataAsync(params string[] args) => CliRunner.RunAsync([.. args, "--data", _data]);

    private static string WebServer => CliRunner.Example("web-server.yaml");

    [Theory]
    [InlineData("up", "--provider", "azure")]
    [InlineData("up", "--provider", "sandbox", "--timeout", "1h")]
    [InlineData("up", "--provider", "cloudformation", "--max-parallel", "2")]
    [InlineData("up", "--provider", "cloudformation", "--resource-timeout", "30m")]
    [InlineData("plan", "--provider", "azure")]
    public async Task UpOrPlan_OptionNotForTheProvider_ExitsTwoWithOneLine(string verb, params string[] options)
    {
        var result = await StrataAsync([verb, WebServer, "--stack", "opts", .. options]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(options[^2], line);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("aws")]
    [InlineData("cloudformation")]
    public async Task Up_AnotherProviderForALiveSandboxStack_ExitsTwoNamingTheOwner(string provider)
    {
        var created = await StrataAsync("up", WebServer, "--stack", "owned");
        Assert.Equal(0, created.ExitCode);

        var result = await StrataAsync("up", WebServer, "--stack", "owned", "--provider", provider);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("exists as a sandbox stack", result.Stderr);
        Assert.Contains("strata down owned", result.Stderr);
    }

    [Fact]
    public async Task Down_AwsProviderForALiveSandboxStack_ExitsTwoAndKeepsTheStack()
    {
        await StrataAsync("up", WebServer, "--stack", "kept");

        var down = await StrataAsync("down", "kept", "--provider", "aws");
        var outputs = await StrataAsync("outputs", "kept", "--format", "json");

        Assert.Equal(2, down.ExitCode);
        Assert.Contains("exists as a sandbox stack", down.Stderr);
        using var document = JsonDocument.Parse(outputs.Stdout);
        Assert.Equal("CREATE_COMPLETE", document.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ls_SandboxStacks_MarksTheProviderInTextAndJson()
    {
        await StrataAsync("up", WebServer, "--stack", "listed");

        var text = await StrataAsync("ls");
        var json = await StrataAsync("ls", "--format", "json");
        var onlyCloudFormation = await StrataAsync("ls", "--provider", "cloudformation", "--format", "json");

        Assert.Contains("PROVIDER", text.Stdout.Split('\n')[0]);
        Assert.Contains(text.Stdout.Split('\n'), l => l.StartsWith("listed ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("sandbox", StringComparison.Ordinal));
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal("sandbox", document.RootElement.GetProperty("stacks")[0].GetProperty("provider").GetString());
        using var filtered = JsonDocument.Parse(onlyCloudFormation.Stdout);
        Assert.Equal(0, filtered.RootElement.GetProperty("stacks").GetArrayLength());
    }

    [Fact]
    public async Task Down_SandboxStackWithoutProvider_IsDeletedByTheSandbox()
    {
        await StrataAsync("up", WebServer, "--stack", "mine");

        var down = await StrataAsync("down", "mine", "--format", "json");

        Assert.Equal(0, down.ExitCode);
        using var document = JsonDocument.Parse(down.Stdout);
        Assert.Equal("DELETE_COMPLETE", document.RootElement.GetProperty("status").GetString());
    }
}
