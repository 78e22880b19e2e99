using System.Collections.Concurrent;

namespace Strata.Server.Tests.Support;

/// <summary>
/// A real <see cref="StrataServer"/> (Kestrel) on 127.0.0.1 at a free port over a fresh data directory, with an
/// HttpClient pointed at it; stopped and its directory removed when the test ends.
/// </summary>
internal sealed class ServerHost : IAsyncDisposable
{
    private ServerHost(string directory, StrataServer server, ConcurrentQueue<SignalNotice> notices)
    {
        Directory = directory;
        Server = server;
        Notices = notices;
        BaseUrl = server.Addresses.Single();
        Http = new HttpClient { BaseAddress = BaseUrl };
    }

    public string Directory { get; }

    public StrataServer Server { get; }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    /// <summary>The signals the server reported accepting, in order.</summary>
    public ConcurrentQueue<SignalNotice> Notices { get; }

    public static async Task<ServerHost> StartAsync(TimeProvider? time = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "strata-server-tests", Guid.NewGuid().ToString("N"));
        var notices = new ConcurrentQueue<SignalNotice>();
        var server = await StrataServer.StartAsync(new StrataServerOptions
        {
            DataDirectory = directory,
            Urls = [new Uri("http://127.0.0.1:0")],
            Time = time ?? TimeProvider.System,
            SignalAccepted = notices.Enqueue,
        }, CancellationToken.None);
        return new ServerHost(directory, server, notices);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.StopAsync(CancellationToken.None);
        await Server.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a store not yet collected; the temp folder is cleaned eventually.
        }
    }
}
