using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Strata.Cli.Tests.Support;
using Strata.Engine.State;

namespace Strata.Cli.Tests.Serve;

/// <summary>
/// <c>strata serve</c> (usage, start, stop) and <c>strata up --signal-url</c> pointing wait-condition handles at it. The
/// server runs in process on 127.0.0.1 at a free port and is stopped by cancelling its command.
/// </summary>
public sealed partial class ServeCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("strata-serve-").FullName;

    public ServeCommandTests()
    {
        // A fast sandbox, set per data directory so that parallel tests share no environment variable.
        File.WriteAllText(Path.Combine(_data, "sandbox.json"), """{"Speed": 1000, "Seed": 5}""");
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Serve_PostgresGiven_ExitsTwoSayingItIsNotSupportedYet()
    {
        var result = await CliRunner.RunAsync("serve", "--postgres", "Host=localhost;Database=strata");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--postgres", result.Stderr);
        Assert.Contains("not supported yet", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:5080")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("http://127.0.0.1:5080/strata")]
    public async Task Serve_UrlsNotAnHttpRoot_ExitsTwoNamingTheUrl(string url)
    {
        var result = await CliRunner.RunAsync("serve", "--urls", url, "--data", _data);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--urls '{url}'", result.Stderr);
    }

    [Fact]
    public async Task Serve_Help_ListsItsOptions()
    {
        var result = await CliRunner.RunAsync("serve", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--urls", result.Stdout);
        Assert.Contains("--data", result.Stdout);
        Assert.Contains("--postgres", result.Stdout);
    }

    [Fact]
    public async Task Serve_Running_AnswersHealthUntilCancelledThenExitsZero()
    {
        await using var serve = await RunningServe.StartAsync(_data);

        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri(serve.Url, "/health"));
        var exit = await serve.StopAsync();

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(0, exit);
        Assert.Contains("strata serve: stopping", serve.Output);
        Assert.True(File.Exists(Path.Combine(_data, StateStore.FileName)));
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Serve_ProcessSignalled_StopsGracefullyAndExitsZero(string signal)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "strata.dll"), "serve", "--urls", "http://127.0.0.1:0", "--data", _data })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync()) is not null && !line.Contains("listening on", StringComparison.Ordinal))
            {
            }
            Assert.NotNull(line);
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(new Uri(RunningServe.ListeningUrl(line)), "/health"))).StatusCode);

            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)])!)
            {
                await kill.WaitForExitAsync();
            }
            var rest = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.Equal(0, process.ExitCode);
            Assert.Contains("strata serve: stopping", rest);
            Assert.Contains("received; stopping", await stderr);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Serve_PortAlreadyInUse_ExitsTwoNamingTheAddress()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var result = await CliRunner.RunAsync("serve", "--urls", url, "--data", _data);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot listen", result.Stderr);
        Assert.Contains(url, result.Stderr);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1:5080")]
    [InlineData("http://127.0.0.1:5080/base/")]
    public async Task Up_SignalUrlNotAServerRoot_ExitsTwoNamingTheOption(string url)
    {
        var result = await CliRunner.RunAsync("up", CliRunner.Example("wait-for-signal.yaml"), "--stack", "w", "--signal-url", url, "--data", _data);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--signal-url '{url}'", result.Stderr);
    }

    [Fact]
    public async Task Up_SignalUrlWithNothingListening_ExitsTwoBeforeDeploying()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var result = await CliRunner.RunAsync("up", CliRunner.Example("wait-for-signal.yaml"), "--stack", "w", "--signal-url", $"http://127.0.0.1:{port}", "--data", _data);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not reachable", result.Stderr);
        using var store = StateStore.Open(_data);
        Assert.Null(await store.GetStackAsync("w", CancellationToken.None));
    }

    [Fact]
    public async Task Up_SignalUrlOfAServerOnAnotherDataDirectory_ExitsTwo()
    {
        var elsewhere = Directory.CreateTempSubdirectory("strata-serve-other-").FullName;
        try
        {
            await using var serve = await RunningServe.StartAsync(elsewhere);

            var result = await CliRunner.RunAsync("up", CliRunner.Example("wait-for-signal.yaml"), "--stack", "w", "--signal-url", serve.Url.ToString(), "--data", _data);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("serves another data directory", result.Stderr);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public async Task Up_SignalUrlOfARunningServe_HandleUrlIsTheServersAndItsSignalCompletesTheStack()
    {
        await using var serve = await RunningServe.StartAsync(_data);
        var up = Task.Run(() => CliRunner.RunAsync(
            "up", CliRunner.Example("wait-for-signal.yaml"), "--stack", "served", "--signal-url", serve.Url.ToString(), "--format", "json", "--data", _data));
        var handleUrl = await HandleUrlAsync("served", "ConfiguredHandle");

        using var http = new HttpClient();
        using var response = await http.PutAsync(handleUrl, new StringContent(
            """{"Status":"SUCCESS","Reason":"configured","UniqueId":"host-1","Data":"ready"}""", Encoding.UTF8, "application/json"));
        var result = await up;

        Assert.StartsWith(serve.Url + "signal/", handleUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"host-1":"ready"}""", JsonNode.Parse(result.Stdout)!["outputs"]!["SignalData"]!.ToString());
        Assert.Contains("signal SUCCESS from host-1 for served/ConfiguredHandle: configured", serve.Output);
    }

    [Fact]
    public async Task Up_SignalUrlVariableNotAUrl_ExitsTwoNamingTheVariable()
    {
        var result = await CliRunner.RunProcessAsync(
            new Dictionary<string, string?> { ["STRATA_SIGNAL_URL"] = "nowhere" },
            "up", CliRunner.Example("wait-for-signal.yaml"), "--stack", "w", "--data", _data);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("STRATA_SIGNAL_URL 'nowhere'", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    private async Task<string> HandleUrlAsync(string stackName, string logicalId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            if (File.Exists(Path.Combine(_data, StateStore.FileName)))
            {
                using var store = StateStore.Open(_data);
                if (await store.GetStackAsync(stackName, limit.Token) is { } stack &&
                    (await store.GetResourcesAsync(stack.StackId, limit.Token)).FirstOrDefault(r => r.LogicalId == logicalId)?.PhysicalId is { } url)
                {
                    return url;
                }
            }
            await Task.Delay(50, limit.Token);
        }
    }

    /// <summary><c>strata serve --urls http://127.0.0.1:0</c> running in process until stopped.</summary>
    private sealed partial class RunningServe : IAsyncDisposable
    {
        private readonly StringWriter _output = new();
        private readonly TextWriter _synchronized;
        private readonly CancellationTokenSource _stop = new();
        private Task<int> _run = Task.FromResult(0);

        private RunningServe() => _synchronized = TextWriter.Synchronized(_output);

        public Uri Url { get; private set; } = null!;

        public string Output
        {
            get
            {
                lock (_synchronized)
                {
                    return _output.ToString();
                }
            }
        }

        public static async Task<RunningServe> StartAsync(string data)
        {
            var serve = new RunningServe();
            serve._run = Task.Run(() => CliApp.RunAsync(
                ["serve", "--urls", "http://127.0.0.1:0", "--data", data], serve._synchronized, serve._synchronized, isTerminal: false, serve._stop.Token));
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (!Listening().IsMatch(serve.Output))
            {
                if (serve._run.IsCompleted)
                {
                    throw new InvalidOperationException($"strata serve ended: {serve.Output}");
                }
                await Task.Delay(20, limit.Token);
            }
            serve.Url = new Uri(ListeningUrl(serve.Output));
            return serve;
        }

        public async Task<int> StopAsync()
        {
            await _stop.CancelAsync();
            return await _run;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _stop.Dispose();
        }

        /// <summary>The address in the "listening on" line <c>strata serve</c> prints.</summary>
        public static string ListeningUrl(string output) => Listening().Match(output).Groups["url"].Value;

        [GeneratedRegex(@"listening on (?<url>http://\S+/) ")]
        private static partial Regex Listening();
    }
}
