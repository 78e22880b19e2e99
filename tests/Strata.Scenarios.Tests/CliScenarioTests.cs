using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using Strata.Cli;
using Strata.Engine.State;

namespace Strata.Scenarios.Tests;

/// <summary>The engine commands through the real CLI entry point, in process: JSON shapes, exit codes, the signal endpoint.</summary>
public sealed class CliScenarioTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "strata-cli-scenarios", Guid.NewGuid().ToString("N"));

    public CliScenarioTests()
    {
        Directory.CreateDirectory(_data);
        // Fast sandbox for tests; set per data directory so parallel tests do not share an environment variable.
        File.WriteAllText(Path.Combine(_data, "sandbox.json"), """{"Speed": 1000, "Seed": 3}""");
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private static string Example(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Strata.sln")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory!.FullName, "examples", name);
    }

    private async Task<(int Exit, string Out, string Err)> StrataAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, "--data", _data], output, error, isTerminal: false);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Up_JsonFormat_PrintsOneDocumentWithStatusAndOutputs()
    {
        var (exit, output, _) = await StrataAsync("up", Example("web-server.yaml"), "--stack", "web", "--format", "json");

        Assert.Equal(0, exit);
        var document = JsonNode.Parse(output)!.AsObject();
        Assert.Equal("web", document["stack"]!.ToString());
        Assert.Equal("CREATE_COMPLETE", document["status"]!.ToString());
        Assert.Null(document["rootCause"]);
        Assert.StartsWith("i-", document["outputs"]!["InstanceId"]!.ToString());

        var (_, outputs, _) = await StrataAsync("outputs", "web", "--format", "json");
        Assert.Equal(document["outputs"]!.ToJsonString(), JsonNode.Parse(outputs)!["outputs"]!.ToJsonString());

        var (_, events, _) = await StrataAsync("events", "web", "--format", "json");
        var list = JsonNode.Parse(events)!["events"]!.AsArray();
        Assert.Equal("CREATE_IN_PROGRESS", list.First()!["status"]!.ToString());
        Assert.Equal("CREATE_COMPLETE", list.Last()!["status"]!.ToString());
        Assert.All(list, e => Assert.NotNull(e!["time"]));

        var (_, stacks, _) = await StrataAsync("ls", "--format", "json");
        Assert.Equal("web", JsonNode.Parse(stacks)!["stacks"]![0]!["name"]!.ToString());

        var (_, resources, _) = await StrataAsync("resources", "web", "--format", "json");
        Assert.Equal(4, JsonNode.Parse(resources)!["resources"]!.AsArray().Count);

        var (downExit, down, _) = await StrataAsync("down", "web", "--format", "json");
        Assert.Equal(0, downExit);
        Assert.Equal("DELETE_COMPLETE", JsonNode.Parse(down)!["status"]!.ToString());
    }

    [Fact]
    public async Task Up_FailingResource_ExitsOneWithTheRootCause()
    {
        var template = ScenarioHost.ScenarioPath("failure-rollback", "template.yaml");

        var (exit, output, _) = await StrataAsync("up", template, "--stack", "broken", "--format", "json");

        Assert.Equal(1, exit);
        var document = JsonNode.Parse(output)!;
        Assert.Equal("ROLLBACK_COMPLETE", document["status"]!.ToString());
        Assert.Equal("Web", document["rootCause"]!["logicalId"]!.ToString());
        Assert.Equal("ServiceLimitExceeded", document["rootCause"]!["errorCode"]!.ToString());
    }

    [Fact]
    public async Task Up_PipedText_PrintsOneLinePerEventAndTheSummary()
    {
        var (exit, output, _) = await StrataAsync("up", Example("web-server.yaml"), "--stack", "plain");

        Assert.Equal(0, exit);
        Assert.Contains(output.Split('\n'), l => l.Contains("WebServer") && l.Contains("CREATE_COMPLETE"));
        Assert.Contains("Stack plain: CREATE_COMPLETE", output);
    }

    [Fact]
    public async Task Plan_ChangedParameter_ShowsTheChangeAndChangesNothing()
    {
        await StrataAsync("up", Example("web-server.yaml"), "--stack", "web");

        var (exit, output, _) = await StrataAsync("plan", Example("web-server.yaml"), "--stack", "web", "--parameter", "ImageId=ami-0fedcba9876543210", "--format", "json");

        Assert.Equal(0, exit);
        var change = JsonNode.Parse(output)!["changes"]!.AsArray().Single()!;
        Assert.Equal(("Replace", "WebServer", "True"), (change["action"]!.ToString(), change["logicalId"]!.ToString(), change["replacement"]!.ToString()));
        var (_, resources, _) = await StrataAsync("resources", "web", "--format", "json");
        Assert.All(JsonNode.Parse(resources)!["resources"]!.AsArray(), r => Assert.Equal("CREATE_COMPLETE", r!["status"]!.ToString()));
    }

    [Theory]
    [InlineData("up", "missing.yaml", "--stack", "x")]
    [InlineData("up", "{example}", "--stack", "x", "--ttl", "soon")]
    [InlineData("outputs", "nothing-here")]
    [InlineData("plan", "{example}")]
    public async Task Command_BadUsage_ExitsTwo(params string[] args)
    {
        var (exit, _, error) = await StrataAsync(args.Select(a => a == "{example}" ? Example("web-server.yaml") : a).ToArray());

        Assert.Equal(2, exit);
        Assert.NotEmpty(error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Up_WaitCondition_AcceptsCfnSignalOverHttp()
    {
        var template = ScenarioHost.ScenarioPath("wait-condition", "success.yaml");
        var up = Task.Run(() => StrataAsync("up", template, "--stack", "signalled", "--format", "json"));
        var url = await HandleUrlAsync("signalled");

        using var http = new HttpClient();
        var body = new StringContent("""{"Status":"SUCCESS","Reason":"done","UniqueId":"host-1","Data":"hello"}""", Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(url, body);
        var (exit, output, _) = await up;

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, exit);
        Assert.Equal("""{"host-1":"hello"}""", JsonNode.Parse(output)!["outputs"]!["Data"]!.ToString());
    }

    private async Task<string> HandleUrlAsync(string stackName)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            limit.Token.ThrowIfCancellationRequested();
            if (File.Exists(Path.Combine(_data, StateStore.FileName)))
            {
                using var store = StateStore.Open(_data);
                if (await store.GetStackAsync(stackName, limit.Token) is { } stack &&
                    (await store.GetResourcesAsync(stack.StackId, limit.Token)).FirstOrDefault(r => r.LogicalId == "Handle")?.PhysicalId is { } url)
                {
                    return url;
                }
            }
            await Task.Delay(50, limit.Token);
        }
    }
}
