using System.Text.Json;
using Strata.Cli.Tests.Support;
using Strata.Providers.Aws.CloudFormation;

namespace Strata.Cli.Tests.CloudFormation;

/// <summary>
/// <c>strata continue-rollback</c>: refused locally (exit 2, no AWS call) for stacks that are not CloudFormation-mode, and
/// against a loopback CloudFormation (moto has no ContinueUpdateRollback) run as a real child process end to end.
/// </summary>
public sealed class ContinueRollbackCommandTests : IDisposable
{
    private const string StackName = "stuck";

    private readonly string _data = Directory.CreateTempSubdirectory("strata-continue-rollback-").FullName;

    public ContinueRollbackCommandTests()
    {
        // A fast sandbox, set per data directory so that parallel tests share no environment variable.
        File.WriteAllText(Path.Combine(_data, "sandbox.json"), """{"Speed": 1000, "Seed": 5}""");
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private Task<CliResult> StrataAsync(params string[] args) => CliRunner.RunAsync([.. args, "--data", _data]);

    /// <summary>Strata's record of a CloudFormation-mode stack, as the deployer leaves it after the failed rollback.</summary>
    private Task RecordAsync(FakeCloudFormationEndpoint cfn) => new CloudFormationRecordStore(_data).SaveAsync(new CloudFormationStackRecord
    {
        StackName = cfn.StackName,
        StackId = cfn.StackId,
        Region = "us-east-1",
        Status = "UPDATE_ROLLBACK_FAILED",
        CreatedAt = DateTimeOffset.UtcNow.AddHours(-1),
        UpdatedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
    }, CancellationToken.None);

    private static void AssertOneLine(CliResult result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("strata: ", line);
        Assert.Contains(expected, line);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task ContinueRollback_UnknownStack_ExitsTwoSayingItIsNotACloudFormationStack()
    {
        var result = await StrataAsync("continue-rollback", "nowhere");

        AssertOneLine(result, "Stack nowhere is not a CloudFormation stack");
    }

    [Fact]
    public async Task ContinueRollback_SandboxStack_ExitsTwoSayingTheEngineRollsBackItself()
    {
        Assert.Equal(0, (await StrataAsync("up", CliRunner.Example("web-server.yaml"), "--stack", "engine")).ExitCode);

        var result = await StrataAsync("continue-rollback", "engine", "--skip", "WebServer");

        AssertOneLine(result, "Stack engine is a sandbox stack (CREATE_COMPLETE)");
        Assert.Contains("no rollback to continue", result.Stderr);
    }

    [Theory]
    [InlineData("continue-rollback")]
    [InlineData("continue-rollback", "stuck", "--format", "sarif")]
    [InlineData("continue-rollback", "stuck", "--skip")]
    [InlineData("continue-rollback", "stuck", "--skip", " ")]
    [InlineData("continue-rollback", "not_a_stack_name")]
    public async Task ContinueRollback_BadUsage_ExitsTwo(params string[] args)
    {
        await using var cfn = new FakeCloudFormationEndpoint(StackName);
        await RecordAsync(cfn);

        var result = await StrataAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("strata: ", result.Stderr);
        Assert.Empty(cfn.Calls);
    }

    [Fact]
    public async Task ContinueRollback_RollbackFailedStack_SendsTheSkipListAndEndsRollbackComplete()
    {
        await using var cfn = new FakeCloudFormationEndpoint(StackName);
        await RecordAsync(cfn);

        var result = await CliRunner.RunProcessAsync(cfn.UserEnvironment(),
            "continue-rollback", StackName, "--skip", FakeCloudFormationEndpoint.StuckResource, "--skip", "Nested.Queue",
            "--format", "json", "--data", _data);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}{result.Stdout}");
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(StackName, document.RootElement.GetProperty("stack").GetString());
        Assert.Equal("UPDATE_ROLLBACK_COMPLETE", document.RootElement.GetProperty("status").GetString());
        Assert.Equal(FakeCloudFormationEndpoint.StuckResource, document.RootElement.GetProperty("rootCause").GetProperty("logicalId").GetString());
        var form = cfn.Calls.Single(c => c.Action == "ContinueUpdateRollback").Form;
        Assert.Equal(cfn.StackId, form["StackName"]);
        Assert.Equal(FakeCloudFormationEndpoint.StuckResource, form["ResourcesToSkip.member.1"]);
        Assert.Equal("Nested.Queue", form["ResourcesToSkip.member.2"]);
        Assert.False(form.ContainsKey("ResourcesToSkip.member.3"));
        var record = await new CloudFormationRecordStore(_data).GetAsync(StackName, CancellationToken.None);
        Assert.Equal("UPDATE_ROLLBACK_COMPLETE", record?.Status);
    }

    [Fact]
    public async Task ContinueRollback_StackNoLongerStuck_ExitsOneWithCloudFormationUntouched()
    {
        await using var cfn = new FakeCloudFormationEndpoint(StackName);
        await RecordAsync(cfn);
        var first = await CliRunner.RunProcessAsync(cfn.UserEnvironment(), "continue-rollback", StackName, "--data", _data);
        Assert.Equal(0, first.ExitCode);

        var second = await CliRunner.RunProcessAsync(cfn.UserEnvironment(), "continue-rollback", StackName, "--data", _data);

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("only a stack in UPDATE_ROLLBACK_FAILED can continue its rollback", second.Stderr);
        Assert.Single(cfn.Calls, c => c.Action == "ContinueUpdateRollback");
    }

    [Fact]
    public async Task Up_RollbackFailedStack_ExitsOneNamingTheContinueRollbackCommand()
    {
        await using var cfn = new FakeCloudFormationEndpoint(StackName);
        await RecordAsync(cfn);

        var result = await CliRunner.RunProcessAsync(cfn.UserEnvironment(),
            "up", CliRunner.Example("web-server.yaml"), "--stack", StackName, "--provider", "cloudformation", "--data", _data);

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.Stderr}{result.Stdout}");
        Assert.Contains($"strata continue-rollback {StackName} [--skip ID]...", result.Stderr);
        Assert.DoesNotContain("ContinueUpdateRollback", result.Stdout + result.Stderr);
        Assert.DoesNotContain(cfn.Calls, c => c.Action is "CreateChangeSet" or "ContinueUpdateRollback");
    }
}
