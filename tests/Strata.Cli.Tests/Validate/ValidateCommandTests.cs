using System.Text.Json;
using Strata.Cli.Tests.Support;

namespace Strata.Cli.Tests.Validate;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("strata-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string InvalidTemplate = """
        Resources:
          Queue:
            Type: AWS::SQS::Queue
            Properties:
              NotAProperty: 1
        """;

    [Fact]
    public async Task Validate_ExampleTemplate_ExitsZero()
    {
        var result = await CliRunner.RunAsync("validate", CliRunner.Example("web-server.yaml"));
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("0 invalid", result.Stdout);
    }

    [Fact]
    public async Task Validate_InvalidTemplate_ExitsOneWithFileLineColumn()
    {
        var path = Write("bad.yaml", InvalidTemplate);
        var result = await CliRunner.RunAsync("validate", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{path}:5:7: error E3002 ", result.Stdout);
    }

    [Fact]
    public async Task Validate_JsonFormat_PrintsOneContractDocument()
    {
        var path = Write("bad.yaml", InvalidTemplate);
        var result = await CliRunner.RunAsync("validate", path, CliRunner.Example("web-server.yaml"), "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        var files = doc.RootElement.GetProperty("files");
        Assert.Equal(2, files.GetArrayLength());
        var bad = files[0];
        Assert.Equal(path, bad.GetProperty("path").GetString());
        Assert.False(bad.GetProperty("valid").GetBoolean());
        var d = bad.GetProperty("diagnostics").EnumerateArray().First(x => x.GetProperty("rule").GetString() == "E3002");
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal("Resources/Queue/Properties/NotAProperty", d.GetProperty("path").GetString());
        Assert.Equal(5, d.GetProperty("line").GetInt32());
        Assert.Equal(7, d.GetProperty("column").GetInt32());
        Assert.True(files[1].GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Validate_SarifFormat_IsSarif210WithRegions()
    {
        var path = Write("bad.yaml", InvalidTemplate);
        var result = await CliRunner.RunAsync("validate", path, "--format", "sarif");
        Assert.Equal(1, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("strata", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var result0 = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "E3002");
        Assert.Equal("E3002", rules[result0.GetProperty("ruleIndex").GetInt32()]);
        Assert.Equal("error", result0.GetProperty("level").GetString());
        var region = result0.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(5, region.GetProperty("startLine").GetInt32());
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwoAndNamesIt()
    {
        var path = Path.Combine(_dir, "missing.yaml");
        var result = await CliRunner.RunAsync("validate", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(path + " does not exist", result.Stdout);
    }

    [Fact]
    public async Task Validate_Directory_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("validate", _dir);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a directory", result.Stdout);
    }

    [Theory]
    [InlineData("empty.yaml", "", "is empty")]
    [InlineData("deep.yaml", "DEEP", "deeper than")]
    [InlineData("bomb.yaml", "BOMB", "alias")]
    [InlineData("package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}", "Resources")]
    public async Task Validate_BadContent_OneClearErrorExitOne(string name, string content, string expected)
    {
        content = content switch
        {
            "DEEP" => "A: " + new string('[', 10_000) + new string(']', 10_000),
            "BOMB" => string.Join("\n", Enumerable.Range(0, 10).Select(i => i == 0
                ? "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"
                : $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]")),
            _ => content,
        };
        var path = Write(name, content);
        var result = await CliRunner.RunAsync("validate", path, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        var diagnostics = doc.RootElement.GetProperty("files")[0].GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Contains(diagnostics, d => d.GetProperty("message").GetString()!.Contains(expected, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Validate_BinaryFile_ExitsOneNamesBinary()
    {
        var path = Path.Combine(_dir, "blob.yaml");
        File.WriteAllBytes(path, [0, 1, 2, 3, 255, 254]);
        var result = await CliRunner.RunAsync("validate", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("binary data", result.Stdout);
    }

    [Fact]
    public async Task Validate_BadParameterSyntax_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("validate", CliRunner.Example("web-server.yaml"), "--parameter", "NoEquals");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("KEY=VALUE", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Validate_ParameterBreaksConstraint_ExitsOne()
    {
        var result = await CliRunner.RunAsync("validate", CliRunner.Example("web-server.yaml"), "--parameter", "InstanceType=m5.24xlarge");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("InstanceType", result.Stdout);
    }

    [Fact]
    public async Task Validate_UnknownFormat_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("validate", CliRunner.Example("web-server.yaml"), "--format", "xml");
        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Stderr);
    }

    [Fact]
    public async Task Validate_NoFiles_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("validate");
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Validate_AsChildProcess_JsonOnStdoutAndNoStackTrace()
    {
        var path = Write("bad.json", "{\"Resources\": {\"A\": {\"Type\": \"AWS::Nope::Nope\"}}}");
        var result = await CliRunner.RunProcessAsync("validate", path, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Contains("E3006", result.Stdout);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr);
    }
}

public sealed class TemplatePreflightTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("strata-preflight-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("up")]
    [InlineData("plan")]
    public async Task UpOrPlan_InvalidTemplate_RefusedBeforeAnythingIsCreated(string verb)
    {
        var template = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(template, "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Nope: 1\n");
        var data = Path.Combine(_dir, "data");
        var result = await CliRunner.RunAsync(verb, template, "--stack", "s1", "--data", data, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal("E3002", doc.RootElement.GetProperty("diagnostics")[0].GetProperty("rule").GetString());
        Assert.Equal(5, doc.RootElement.GetProperty("diagnostics")[0].GetProperty("line").GetInt32());

        var ls = await CliRunner.RunAsync("ls", "--data", data, "--format", "json", "--all");
        Assert.Equal(0, ls.ExitCode);
        Assert.StartsWith("{", ls.Stdout.TrimStart());
        Assert.DoesNotContain("s1", ls.Stdout);
    }

    [Fact]
    public async Task Up_TemplateWithByteOrderMark_CreatesTheStackAndRecordsTheTextWithoutTheMark()
    {
        var template = Path.Combine(_dir, "bom.yaml");
        var text = "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n";
        File.WriteAllBytes(template, [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(text)]);
        var data = Path.Combine(_dir, "data");

        var result = await CliRunner.RunAsync("up", template, "--stack", "s1", "--data", data, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var store = Strata.Engine.State.StateStore.Open(data);
        var stack = await store.GetStackAsync("s1", CancellationToken.None);
        Assert.Equal(text, stack!.TemplateBody);
    }

    [Theory]
    [InlineData("up")]
    [InlineData("plan")]
    public async Task UpOrPlan_TemplateNotUtf8_RefusedNamingTheFile(string verb)
    {
        var template = Path.Combine(_dir, "latin1.yaml");
        // "Größe" in Latin-1: valid text to a reader that replaces bad bytes, not UTF-8.
        File.WriteAllBytes(template, [.. System.Text.Encoding.UTF8.GetBytes("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n# Gr"), 0xF6, 0xDF, (byte)'e', (byte)'\n']);
        var data = Path.Combine(_dir, "data");

        var result = await CliRunner.RunAsync(verb, template, "--stack", "s1", "--data", data);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("latin1.yaml holds binary data, not UTF-8 text", result.Stdout);
        Assert.Contains("nothing was created", result.Stderr);
        Assert.False(File.Exists(Path.Combine(data, Strata.Engine.State.StateStore.FileName)) && await StackExistsAsync(data));
    }

    private static async Task<bool> StackExistsAsync(string data)
    {
        using var store = Strata.Engine.State.StateStore.Open(data);
        return await store.GetStackAsync("s1", CancellationToken.None) is not null;
    }
}
