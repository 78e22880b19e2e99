using System.Net;
using System.Net.Sockets;
using System.Text;
using Strata.Engine.Signals;

namespace Strata.Cli.Commands.Engine;

/// <summary>
/// The loopback endpoint <c>strata up</c> runs while it deploys, so wait-condition handles get a URL that
/// cfn-signal (or curl) can PUT to. Plain <see cref="HttpListener"/>: the CLI needs no web server.
/// </summary>
public sealed class SignalListener : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private SignalHub? _hub;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private SignalListener(HttpListener listener, Uri baseUrl)
    {
        _listener = listener;
        BaseUrl = baseUrl;
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseUrl { get; }

    /// <summary>Hands received signals to <paramref name="hub"/> (until then they are refused with 503).</summary>
    public void Attach(SignalHub hub) => _hub = hub;

    /// <summary>Listens on 127.0.0.1 at a free port; the engine, built next with <see cref="BaseUrl"/>, is attached after.</summary>
    public static SignalListener Start()
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

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
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
                ? new SignalResponse(503, "Not ready for signals yet; retry")
                : await _hub.AcceptAsync(context.Request.HttpMethod, context.Request.RawUrl ?? "/", body, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            response = new SignalResponse(500, "The signal could not be stored: " + ex.Message);
        }
        try
        {
            var bytes = Encoding.UTF8.GetBytes(response.Message + "\n");
            context.Response.StatusCode = response.StatusCode;
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away; the signal (if valid) is stored regardless.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Close();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
