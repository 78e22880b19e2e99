using Microsoft.Extensions.Hosting;

namespace Strata.Server.Hosting;

/// <summary>
/// The host neither waits for nor listens to process signals: whoever started <see cref="StrataServer"/> stops it
/// (the CLI on Ctrl-C or SIGTERM, a test when it is done). The default console lifetime would take Ctrl-C from the CLI
/// and print start-up banners.
/// </summary>
internal sealed class CallerOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
