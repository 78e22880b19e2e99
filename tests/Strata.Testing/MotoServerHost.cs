using System.Diagnostics;

namespace Strata.Testing;

/// <summary>
/// Starts <c>moto_server -H 127.0.0.1 -p PORT</c> (the AWS emulator from the machine's Python environment) on
/// a free loopback port, waits until it answers, and kills it (with its child processes) on dispose.
/// </summary>
/// <remarks>
/// Each test project derives its fixture from this class and adds xunit's <c>IAsyncLifetime</c> to it:
/// <see cref="InitializeAsync"/> and <see cref="DisposeAsync"/> implement that interface, so this library needs
/// no reference to xunit (whose core package would make it a test project).
/// </remarks>
public abstract class MotoServerHost
{
    public const string Region = AwsUserEnvironment.Region;
    public const string AccessKeyId = "AKIDSTRATATESTING";
    public const string SecretAccessKey = "strata-test-secret-do-not-print";

    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);
    private readonly IReadOnlyDictionary<string, string> _serverEnvironment;
    private readonly Queue<string> _log = new();
    private Process? _process;

    /// <param name="serverEnvironment">Extra variables for the moto process (e.g. INITIAL_NO_AUTH_ACTION_COUNT).</param>
    protected MotoServerHost(IReadOnlyDictionary<string, string> serverEnvironment) => _serverEnvironment = serverEnvironment;

    public int Port { get; private set; }

    /// <summary>The server's base address, with a trailing slash (<c>http://127.0.0.1:PORT/</c>).</summary>
    public Uri Url => new($"http://127.0.0.1:{Port}/");

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
        // A bound on a hung start-up, not a time asserted by any test.
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartupLimit)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode}: {RecentLog()}");
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "moto-api/"));
                if ((int)response.StatusCode < 500) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
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

    /// <summary>The server's last 40 lines of output, for a failure message.</summary>
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
