using System.Diagnostics;
using Strata.Providers.Aws.Configuration;

namespace Strata.Providers.Aws.Tests.Infrastructure;

/// <summary>
/// Starts <c>moto_server -H 127.0.0.1 -p PORT</c> (the AWS emulator from the machine's Python environment) on
/// a free loopback port, waits until it answers, and kills it (with its child processes) on dispose.
/// </summary>
public class MotoServerFixture : IAsyncLifetime
{
    public const string Region = "us-east-1";
    public const string AccessKeyId = "AKIDSTRATATESTING";
    public const string SecretAccessKey = "strata-test-secret-do-not-print";

    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);
    private readonly IReadOnlyDictionary<string, string> _serverEnvironment;
    private readonly Queue<string> _log = new();
    private Process? _process;

    public MotoServerFixture() : this(new Dictionary<string, string>())
    {
    }

    /// <param name="serverEnvironment">Extra variables for the moto process (e.g. INITIAL_NO_AUTH_ACTION_COUNT).</param>
    protected MotoServerFixture(IReadOnlyDictionary<string, string> serverEnvironment) => _serverEnvironment = serverEnvironment;

    public int Port { get; private set; }
    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>
    /// The environment a Strata user would set to point every AWS tool at moto: endpoint, region and keys,
    /// and config-file paths that do not exist so the machine's ~/.aws never leaks in.
    /// </summary>
    public Dictionary<string, string> UserEnvironment() => new()
    {
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString(),
        ["AWS_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_CONFIG_FILE"] = "/nonexistent/strata-test/config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/strata-test/credentials",
    };

    /// <summary>A client context resolved exactly as the CLI would, from environment variables.</summary>
    public AwsClientContext CreateContext(Action<Dictionary<string, string>>? adjust = null, AwsContextOptions? options = null)
    {
        var variables = UserEnvironment();
        adjust?.Invoke(variables);
        return AwsClientContext.FromEnvironment(new MapEnvironment(variables), options);
    }

    public AwsCli Cli => new(Endpoint, UserEnvironment());

    public async Task InitializeAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            Start();
            try
            {
                await WaitUntilReadyAsync();
                break;
            }
            catch (InvalidOperationException) when (attempt < 3 && _process!.HasExited)
            {
                // Another process took the port between our probe and moto's bind: try another one.
            }
        }
        await OnStartedAsync();
    }

    /// <summary>Runs once the server answers; subclasses seed it here.</summary>
    protected virtual Task OnStartedAsync() => Task.CompletedTask;

    private void Start()
    {
        var startInfo = new ProcessStartInfo("moto_server", ["-H", "127.0.0.1", "-p", Port.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in _serverEnvironment) startInfo.Environment[name] = value;
        _process = Process.Start(startInfo) ?? throw new InvalidOperationException("moto_server did not start.");
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartupLimit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode}: {RecentLog()}");
            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/moto-api/"));
                if ((int)response.StatusCode < 500) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"moto_server did not answer on port {Port} within {StartupLimit}: {RecentLog()}");
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > 40) _log.Dequeue();
        }
    }

    public string RecentLog()
    {
        lock (_log) return string.Join('\n', _log);
    }

    public async Task DisposeAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "moto";
}
