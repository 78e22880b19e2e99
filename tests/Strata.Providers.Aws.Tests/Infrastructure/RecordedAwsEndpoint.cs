using System.Collections.Concurrent;
using Strata.Providers.Aws.Credentials;

namespace Strata.Providers.Aws.Tests.Infrastructure;

/// <summary>
/// Replays recorded AWS responses (taken from AWS's API documentation examples) for calls moto does not
/// implement, and keeps the requests the client sent so a test can check them. Used only where no real
/// server can answer.
/// </summary>
public sealed class RecordedAwsEndpoint : IAsyncDisposable
{
    private readonly ConcurrentQueue<byte[]> _responses = new();
    private readonly LoopbackHttpServer _server;

    public RecordedAwsEndpoint()
    {
        _server = new LoopbackHttpServer((_, _) => Task.FromResult<byte[]?>(_responses.TryDequeue(out var next)
            ? next
            : LoopbackHttpServer.Response(500, "Internal Server Error", "text/plain", "no recorded response left")));
    }

    public IReadOnlyList<CapturedRequest> Requests => _server.Requests.ToList();

    public RecordedAwsEndpoint Respond(string body, int status = 200, string contentType = "text/xml")
    {
        _responses.Enqueue(LoopbackHttpServer.Response(status, status == 200 ? "OK" : "Error", contentType, body));
        return this;
    }

    public AwsClientContext Context(string region = "us-east-1") =>
        new AwsClientContext(region, new StaticCredentialsProvider(new AwsCredentials("AKIDRECORDED", "recorded-secret")))
            .WithEndpoint(_server.Url, "the recorded endpoint");

    /// <summary>The form parameters of a Query request body.</summary>
    public static Dictionary<string, string> Form(CapturedRequest request) => request.FormParameters();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
