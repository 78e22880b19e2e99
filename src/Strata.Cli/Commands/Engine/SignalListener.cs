using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Cli.Infrastructure;
using Strata.Engine.Signals;

namespace Strata.Cli.Commands.Engine;

/// <summary>
/// Where <c>strata up</c> receives wait-condition signals while it deploys. By default a loopback endpoint it runs
/// itself (plain <see cref="HttpListener"/>: the CLI needs no web server for this), so handles get a URL that cfn-signal
/// (or curl) can PUT to while the command runs. With <c>--signal-url BASE</c> or <c>STRATA_SIGNAL_URL</c> the handles
/// point at a running <c>strata serve</c> instead, which stores the signals for this process to read (and which keeps
/// accepting them after this process is gone). Either way the checking and storing is <see cref="SignalHub.AcceptAsync"/>.
/// </summary>
public sealed class SignalListener : IAsyncDisposable
{
    public const string ServerUrlVariable = "STRATA_SIGNAL_URL";
    public const string ServerUrlOptionName = "--signal-url";

    private static readonly TimeSpan ServerCheckTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpListener? _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop = Task.CompletedTask;
    private SignalHub? _hub;

    private SignalListener(HttpListener listener, Uri baseUrl)
    {
        _listener = listener;
        BaseUrl = baseUrl;
        _loop = Task.Run(LoopAsync);
    }

    private SignalListener(Uri serverUrl) => BaseUrl = serverUrl;

    /// <summary>The base of the handle URLs the engine mints: this listener's, or the server's.</summary>
    public Uri BaseUrl { get; }

    /// <summary>True when signals go to a <c>strata serve</c> rather than to this process.</summary>
    public bool UsesServer => _listener is null;

    /// <summary>
    /// Connects the engine: received signals go to <paramref name="hub"/> (until then they are refused with 503). With a
    /// server, checks instead that it is up and signs with this data directory's key, or fails as bad usage (exit 2).
    /// </summary>
    public void Attach(SignalHub hub)
    {
        if (UsesServer)
        {
            CheckServer(BaseUrl, hub.Urls.KeyId);
        }
        _hub = hub;
    }

    /// <summary>The <c>--signal-url</c> option of <c>up</c>.</summary>
    public static Option<string?> ServerOption() => new(ServerUrlOptionName)
    {
        Description = $"Mint wait-condition URLs for a running 'strata serve' at this base URL, e.g. http://127.0.0.1:5080 " +
            $"(default ${ServerUrlVariable}; without either, this command listens on loopback while it runs)",
    };

    /// <summary>The endpoint for this command: the server from <c>--signal-url</c> or <c>STRATA_SIGNAL_URL</c>, else a loopback listener.</summary>
    public static SignalListener Start(string? option)
    {
        if (option is { Length: > 0 })
        {
            return new SignalListener(ParseServerUrl(option, ServerUrlOptionName));
        }
        if (Environment.GetEnvironmentVariable(ServerUrlVariable) is { Length: > 0 } variable)
        {
            return new SignalListener(ParseServerUrl(variable, ServerUrlVariable));
        }
        return StartLoopback();
    }

    /// <summary>Reads a server's root URL (<c>http[s]://HOST[:PORT]</c>), or fails as bad usage naming where it came from.</summary>
    public static Uri ParseServerUrl(string text, string source)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"{source} '{text}' is not an http:// or https:// URL such as http://127.0.0.1:5080");
        }
        if (url.AbsolutePath != "/" || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            // strata serve answers at its root (/signal/…, /health).
            throw new UsageException($"{source} '{text}' must be the server's root URL, without path, query or fragment (e.g. http://127.0.0.1:5080)");
        }
        return url;
    }

    /// <summary>Listens on 127.0.0.1 at a free port; the engine, built next with <see cref="BaseUrl"/>, is attached after.</summary>
    private static SignalListener StartLoopback()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var prefix = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return new SignalListener(listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and binding: try another.
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>
    /// Handle URLs minted for a server that is down, or that checks signatures with another data directory's key, would
    /// only show up as a wait timing out much later: refuse to start instead.
    /// </summary>
    private static void CheckServer(Uri server, string keyId)
    {
        var health = new Uri(server, "/health");
        string body;
        try
        {
            using var http = new HttpClient { Timeout = ServerCheckTimeout };
            using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, health));
            body = new StreamReader(response.Content.ReadAsStream()).ReadToEnd();
            if (!response.IsSuccessStatusCode)
            {
                throw new UsageException($"the signal server {server} answers {(int)response.StatusCode} at {health}; is it 'strata serve'?");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            throw new UsageException($"the signal server {server} is not reachable ({ex.Message}); start it with 'strata serve --data DIR' " +
                $"or drop {ServerUrlOptionName} / {ServerUrlVariable} to receive signals in this process");
        }
        string? serverKeyId;
        try
        {
            serverKeyId = JsonNode.Parse(body)?["signalKeyId"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            serverKeyId = null;
        }
        if (serverKeyId is null)
        {
            throw new UsageException($"{server} does not look like 'strata serve' (its {health} names no signalKeyId)");
        }
        if (serverKeyId != keyId)
        {
            throw new UsageException($"the signal server {server} serves another data directory (its signing key differs from this one's); " +
                "run 'strata serve' with the same --data as 'strata up'");
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener!.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        SignalResponse response;
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(_stop.Token).ConfigureAwait(false);
            response = _hub is null
                ? SignalResponse.NotReady()
                : await _hub.AcceptAsync(context.Request.HttpMethod, context.Request.RawUrl ?? "/", body, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            response = SignalResponse.Failed(ex.Message);
        }
        try
        {
            var (json, contentType) = Render(response);
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Response.StatusCode = response.StatusCode;
            context.Response.ContentType = contentType;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away; the signal (if valid) is stored regardless.
        }
    }

    /// <summary>The same shapes as <c>strata serve</c>: a receipt on success, ProblemDetails (RFC 9457) otherwise.</summary>
    private static (string Json, string ContentType) Render(SignalResponse response)
    {
        if (response.Accepted)
        {
            var receipt = new JsonObject
            {
                ["stack"] = response.Stack!.Name,
                ["logicalId"] = response.LogicalId,
                ["uniqueId"] = response.Signal!.UniqueId,
                ["status"] = response.Signal.Status,
            };
            return (receipt.ToJsonString(), "application/json; charset=utf-8");
        }
        var problem = new JsonObject
        {
            ["title"] = response.Title,
            ["status"] = response.StatusCode,
            ["detail"] = response.Message,
        };
        if (response.Field is { } field)
        {
            problem["field"] = field;
        }
        return (problem.ToJsonString(), "application/problem+json; charset=utf-8");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener?.Close();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
