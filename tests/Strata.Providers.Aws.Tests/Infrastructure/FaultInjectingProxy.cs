using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Strata.Providers.Aws.Tests.Infrastructure;

/// <summary>What the proxy does instead of forwarding a request.</summary>
public enum Fault
{
    /// <summary>HTTP 400 with a ThrottlingException error in the request's protocol (XML or JSON).</summary>
    Throttling,

    /// <summary>HTTP 503 with a non-AWS (HTML) body, as a load balancer sends it.</summary>
    ServiceUnavailable,

    /// <summary>Close the connection without answering.</summary>
    DropConnection,
}

/// <summary>
/// A loopback reverse proxy in front of a real server (moto): it answers the next requests with queued
/// faults, then forwards requests byte for byte, so a retried request still reaches the real service with
/// its signature intact.
/// </summary>
public sealed class FaultInjectingProxy : IAsyncDisposable
{
    private readonly Uri _upstream;
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly LoopbackHttpServer _server;
    private int _forwarded;
    private int _injected;

    public FaultInjectingProxy(Uri upstream)
    {
        _upstream = upstream;
        _server = new LoopbackHttpServer(HandleAsync);
    }

    public Uri Url => _server.Url;
    public int Forwarded => _forwarded;
    public int Injected => _injected;
    public IReadOnlyCollection<CapturedRequest> Requests => _server.Requests;

    public void Inject(Fault fault, int times)
    {
        for (var i = 0; i < times; i++) _faults.Enqueue(fault);
    }

    private async Task<byte[]?> HandleAsync(CapturedRequest request, CancellationToken cancellationToken)
    {
        if (_faults.TryDequeue(out var fault))
        {
            Interlocked.Increment(ref _injected);
            return fault switch
            {
                Fault.Throttling => ThrottlingResponse(request),
                Fault.ServiceUnavailable => LoopbackHttpServer.Response(503, "Service Unavailable", "text/html",
                    "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>"),
                _ => null,
            };
        }
        Interlocked.Increment(ref _forwarded);
        return await ForwardAsync(request, cancellationToken);
    }

    private static byte[] ThrottlingResponse(CapturedRequest request)
    {
        var requestId = Guid.NewGuid().ToString();
        if (request.Header("Content-Type")?.Contains("x-amz-json") == true)
            return LoopbackHttpServer.Response(400, "Bad Request", "application/x-amz-json-1.1",
                """{"__type":"ThrottlingException","message":"Rate exceeded"}""", ("x-amzn-RequestId", requestId));
        return LoopbackHttpServer.Response(400, "Bad Request", "text/xml",
            "<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><Error><Type>Sender</Type>" +
            "<Code>ThrottlingException</Code><Message>Rate exceeded</Message></Error>" +
            $"<RequestId>{requestId}</RequestId></ErrorResponse>");
    }

    private async Task<byte[]> ForwardAsync(CapturedRequest request, CancellationToken cancellationToken)
    {
        using var upstream = new TcpClient();
        await upstream.ConnectAsync(_upstream.Host, _upstream.Port, cancellationToken);
        var stream = upstream.GetStream();
        // Same bytes, except that the upstream connection is closed after one exchange.
        var head = Encoding.ASCII.GetString(request.Head).Split("\r\n")
            .Where(line => !line.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase))
            .ToList();
        head.Insert(1, "Connection: close");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(string.Join("\r\n", head)), cancellationToken);
        await stream.WriteAsync(request.Body, cancellationToken);
        using var response = new MemoryStream();
        await stream.CopyToAsync(response, cancellationToken);
        return response.ToArray();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
