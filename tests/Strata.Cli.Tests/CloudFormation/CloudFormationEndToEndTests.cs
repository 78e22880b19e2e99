using System.Text.Json;
using Strata.Cli.Tests.Support;

namespace Strata.Cli.Tests.CloudFormation;

/// <summary>
/// <c>strata ... --provider cloudformation</c> end to end: the real CLI as a child process, with
/// <c>AWS_ENDPOINT_URL</c> at moto_server and dummy keys in the child's environment only; what it built is checked
/// with the official aws CLI. moto runs a change set to completion inside ExecuteChangeSet, and stacks made through
/// change sets get no outputs there (see src/Strata.Providers.Aws/CloudFormation/README.md).
/// </summary>
public sealed class CloudFormationEndToEndTests(MotoServer moto) : IClassFixture<MotoServer>, IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("strata-cfn-e2e-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private static string WebServer => CliRunner.Example("web-server.yaml");

    private Task<CliResult> StrataAsync(params string[] args) => CliRunner.RunProcessAsync(moto.UserEnvironment(), [.. args, "--data", _data]);

    private static JsonElement Json(CliResult result)
    {
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.Clone();
    }

    private static string Describe(CliResult result) => $"exit {result.ExitCode}\nstdout: {result.Stdout}\nstderr: {result.Stderr}";

    [Fact]
    public async Task UpOutputsEventsResourcesDown_WebServerExample_BuildsWhatTheAwsCliSeesAndRemovesIt()
    {
        var up = await StrataAsync("up", WebServer, "--stack", "e2e", "--provider", "cloudformation", "--format", "json");

        Assert.True(up.ExitCode == 0, Describe(up));
        var result = Json(up);
        Assert.Equal("e2e", result.GetProperty("stack").GetString());
        Assert.Equal("CREATE_COMPLETE", result.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("rootCause").ValueKind);
        var described = (await moto.Cli.JsonAsync("cloudformation", "describe-stacks", "--stack-name", "e2e")).GetProperty("Stacks")[0];
        Assert.Equal("CREATE_COMPLETE", described.GetProperty("StackStatus").GetString());

        // resources: the four of the template; the instance is the one the aws CLI reports running.
        var resources = await StrataAsync("resources", "e2e", "--format", "json");
        Assert.True(resources.ExitCode == 0, Describe(resources));
        var listed = Json(resources).GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(["PublicSubnet", "Vpc", "WebSecurityGroup", "WebServer"], listed.Select(r => r.GetProperty("logicalId").GetString()).Order());
        Assert.All(listed, r => Assert.Equal("CREATE_COMPLETE", r.GetProperty("status").GetString()));
        var instanceId = listed.Single(r => r.GetProperty("logicalId").GetString() == "WebServer").GetProperty("physicalId").GetString()!;
        Assert.Equal("running", await InstanceStateAsync(instanceId));

        // outputs: what CloudFormation reports for the stack (moto gives change-set stacks none).
        var outputs = await StrataAsync("outputs", "e2e", "--format", "json");
        Assert.True(outputs.ExitCode == 0, Describe(outputs));
        Assert.Equal("CREATE_COMPLETE", Json(outputs).GetProperty("status").GetString());
        var cliOutputs = described.TryGetProperty("Outputs", out var o) ? o.EnumerateArray().Select(x => x.GetProperty("OutputKey").GetString()).ToList() : [];
        Assert.Equal(cliOutputs.Order(), Json(outputs).GetProperty("outputs").EnumerateObject().Select(p => p.Name).Order());

        // events: CloudFormation's log, oldest first, ending with the stack's CREATE_COMPLETE; --follow on a settled stack says the same.
        var events = await StrataAsync("events", "e2e", "--format", "json");
        Assert.True(events.ExitCode == 0, Describe(events));
        var log = Json(events).GetProperty("events").EnumerateArray().ToList();
        var cliLog = (await moto.Cli.JsonAsync("cloudformation", "describe-stack-events", "--stack-name", "e2e")).GetProperty("StackEvents").EnumerateArray().ToList();
        Assert.Equal(cliLog.Count, log.Count);
        Assert.Equal(log.Select(e => e.GetProperty("time").GetString()).Order(StringComparer.Ordinal), log.Select(e => e.GetProperty("time").GetString()));
        Assert.Equal(("e2e", "CREATE_COMPLETE"), (log[^1].GetProperty("logicalId").GetString(), log[^1].GetProperty("status").GetString()));
        var followed = await StrataAsync("events", "e2e", "--follow", "--format", "json");
        Assert.True(followed.ExitCode == 0, Describe(followed));
        Assert.Equal(log.Count, Json(followed).GetProperty("events").GetArrayLength());

        // ls marks the provider; the name is taken, so another provider may not build it.
        var ls = await StrataAsync("ls", "--format", "json");
        var entry = Json(ls).GetProperty("stacks").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "e2e");
        Assert.Equal(("cloudformation", "CREATE_COMPLETE"), (entry.GetProperty("provider").GetString(), entry.GetProperty("status").GetString()));
        var conflicting = await StrataAsync("up", WebServer, "--stack", "e2e", "--provider", "sandbox");
        Assert.Equal(2, conflicting.ExitCode);
        Assert.Contains("cloudformation stack", conflicting.Stderr);

        var down = await StrataAsync("down", "e2e", "--format", "json");

        Assert.True(down.ExitCode == 0, Describe(down));
        Assert.Equal("DELETE_COMPLETE", Json(down).GetProperty("status").GetString());
        Assert.Equal("terminated", await InstanceStateAsync(instanceId));
        var gone = await moto.Cli.RunAsync("cloudformation", "describe-stacks", "--stack-name", "e2e");
        Assert.NotEqual(0, gone.ExitCode);
        var lsAfter = await StrataAsync("ls", "--format", "json");
        Assert.DoesNotContain(Json(lsAfter).GetProperty("stacks").EnumerateArray(), s => s.GetProperty("name").GetString() == "e2e");
    }

    [Fact]
    public async Task Up_PipedText_PrintsThePlanEachEventAndTheSummary()
    {
        var up = await StrataAsync("up", WebServer, "--stack", "e2e-text", "--provider", "cloudformation");

        Assert.True(up.ExitCode == 0, Describe(up));
        var lines = up.Stdout.Split('\n');
        Assert.Contains("Plan for stack e2e-text (new stack):", lines);
        Assert.Contains(lines, l => l.Contains("+ Add") && l.Contains("WebServer") && l.Contains("AWS::EC2::Instance"));
        Assert.Contains(lines, l => l.Contains("AWS::CloudFormation::Stack") && l.Contains("CREATE_COMPLETE"));
        Assert.Equal("Stack e2e-text: CREATE_COMPLETE", lines.Last(l => l.StartsWith("Stack ", StringComparison.Ordinal)).TrimEnd());
        Assert.DoesNotContain(MotoServer.SecretAccessKey, up.Stdout + up.Stderr);
    }

    [Fact]
    public async Task Up_TemplateMotoRejects_ExitsOneWithTheRootCause()
    {
        // Valid for Strata's validator; CloudFormation (moto) fails it: the VPC does not exist.
        var template = Path.Combine(_data, "orphan-subnet.yaml");
        await File.WriteAllTextAsync(template, """
            Resources:
              Orphan:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: vpc-0123456789abcdef0
                  CidrBlock: 10.9.0.0/24
            """);

        var json = await StrataAsync("up", template, "--stack", "e2e-rejected", "--provider", "cloudformation", "--format", "json");
        var text = await StrataAsync("up", template, "--stack", "e2e-rejected-text", "--provider", "cloudformation");

        Assert.True(json.ExitCode == 1, Describe(json));
        var cause = Json(json).GetProperty("rootCause");
        Assert.Contains("vpc-0123456789abcdef0", cause.GetProperty("message").GetString());
        Assert.False(string.IsNullOrEmpty(cause.GetProperty("errorCode").GetString()));
        Assert.True(text.ExitCode == 1, Describe(text));
        Assert.Contains(text.Stdout.Split('\n'), l => l.StartsWith("Root cause:", StringComparison.Ordinal) && l.Contains("vpc-0123456789abcdef0"));
        Assert.DoesNotContain("   at ", text.Stdout + text.Stderr);
    }

    [Fact]
    public async Task Plan_CloudFormationProvider_ShowsTheChangeSetAndLeavesNoStack()
    {
        var plan = await StrataAsync("plan", WebServer, "--stack", "e2e-plan", "--provider", "cloudformation", "--format", "json");

        Assert.True(plan.ExitCode == 0, Describe(plan));
        var document = Json(plan);
        Assert.True(document.GetProperty("create").GetBoolean());
        var changes = document.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["PublicSubnet", "Vpc", "WebSecurityGroup", "WebServer"], changes.Select(c => c.GetProperty("logicalId").GetString()).Order());
        Assert.All(changes, c => Assert.Equal("Add", c.GetProperty("action").GetString()));
        var stacks = (await moto.Cli.JsonAsync("cloudformation", "list-stacks")).GetProperty("StackSummaries").EnumerateArray();
        Assert.DoesNotContain(stacks, s => s.GetProperty("StackName").GetString() == "e2e-plan" && s.GetProperty("StackStatus").GetString() != "DELETE_COMPLETE");
        var ls = await StrataAsync("ls", "--all", "--format", "json");
        Assert.DoesNotContain(Json(ls).GetProperty("stacks").EnumerateArray(), s => s.GetProperty("name").GetString() == "e2e-plan");
    }

    [Fact]
    public async Task Up_AwsProviderAgainstMoto_ExitsTwoSayingCloudControlIsMissing()
    {
        // moto has no Cloud Control API: the engine's AWS provider must refuse cleanly before creating anything.
        var up = await StrataAsync("up", WebServer, "--stack", "e2e-aws", "--provider", "aws", "--format", "json");

        Assert.True(up.ExitCode == 2, Describe(up));
        Assert.Contains("Cloud Control", up.Stderr);
        Assert.Contains(moto.Endpoint, up.Stderr);
        Assert.DoesNotContain("   at ", up.Stderr);
        Assert.DoesNotContain(MotoServer.SecretAccessKey, up.Stdout + up.Stderr);
        var ls = await StrataAsync("ls", "--all", "--format", "json");
        Assert.DoesNotContain(Json(ls).GetProperty("stacks").EnumerateArray(), s => s.GetProperty("name").GetString() == "e2e-aws");
    }

    private async Task<string?> InstanceStateAsync(string instanceId)
    {
        var reservations = (await moto.Cli.JsonAsync("ec2", "describe-instances", "--instance-ids", instanceId)).GetProperty("Reservations");
        return reservations[0].GetProperty("Instances")[0].GetProperty("State").GetProperty("Name").GetString();
    }
}
