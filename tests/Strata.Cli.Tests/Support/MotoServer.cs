using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Strata.Cli.Tests.Support;

/// <summary>
/// <c>moto_server -H 127.0.0.1 -p PORT</c> (the AWS emulator in the machine's Python environment) on a free loopback
/// port for one test class; killed with its child processes on dispose. A small copy of the AWS tests' fixture: a test
/// project referencing another test project would drag that project's tests and test host along.
/// </summary>
public class MotoServer : IAsyncLifetime
{
    public const string Region = "us-east-1";
    public const string AccessKeyId = "AKIDSTRATACLITEST";
    public const string SecretAccessKey = "strata-cli-secret-must-never-be-printed";

    private readonly IReadOnlyDictionary<string, string> _serverEnvironment;
    private readonly Queue<string> _log = new();
    private Process? _process;

    public MotoServer() : this(new Dictionary<string, string>())
    {
    }

    protected MotoServer(IReadOnlyDictionary<string, string> serverEnvironment) => _serverEnvironment = serverEnvironment;

    public int Port { get; private set; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>
    /// What a user sets to point Strata at moto: endpoint, region, keys; the shared config files point nowhere so the
    /// machine's ~/.aws cannot leak in. For the child process only (null removes a variable there).
    /// </summary>
    public Dictionary<string, string?> UserEnvironment() => new()
    {
        ["AWS_ENDPOINT_URL"] = Endpoint,
        ["AWS_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_CONFIG_FILE"] = "/nonexistent/strata-cli-test/config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/strata-cli-test/credentials",
    };

    /// <summary>The official aws CLI against this server: a client no one here wrote, to check what Strata built.</summary>
    public AwsCli Cli => new(Endpoint, UserEnvironment());

    public async Task InitializeAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            Start();
            try
            {
                await WaitUntilReadyAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && _process!.HasExited)
            {
                // Another process took the port between the probe and moto's bind: try another one.
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Start()
    {
        var start = new ProcessStartInfo("moto_server", ["-H", "127.0.0.1", "-p", Port.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in _serverEnvironment)
        {
            start.Environment[name] = value;
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start");
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var tries = 0; tries < 300; tries++)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode}: {RecentLog()}");
            }
            try
            {
                using var response = await http.GetAsync($"{Endpoint}/moto-api/");
                if ((int)response.StatusCode < 500)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"moto_server did not answer on port {Port}: {RecentLog()}");
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > 40)
            {
                _log.Dequeue();
            }
        }
    }

    public string RecentLog()
    {
        lock (_log)
        {
            return string.Join('\n', _log);
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

/// <summary>A moto that checks every request's signature and key from the first one: no key is known, so every key is wrong.</summary>
public sealed class AuthenticatingMotoServer() : MotoServer(new Dictionary<string, string> { ["INITIAL_NO_AUTH_ACTION_COUNT"] = "0" });
