using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Strata.Engine.Signals;
using Strata.Engine.State;
using Strata.Server.Health;
using Strata.Server.Hosting;
using Strata.Server.Signals;

namespace Strata.Server;

/// <summary>
/// The Strata HTTP host: Kestrel with minimal-API endpoint groups over one data directory's state store —
/// today the wait-condition signal endpoint (<c>PUT /signal/{handle}</c>) and <c>GET /health</c>. Signals are
/// written to the state store, where a <c>strata up</c> in another process sees them; URLs are checked with the data
/// directory's signing key, so a handle URL minted by <c>strata up</c> is accepted here. Errors are ProblemDetails JSON.
/// </summary>
public sealed class StrataServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StateStore _store;

    private StrataServer(WebApplication app, StateStore store, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        _store = store;
        Addresses = addresses;
    }

    /// <summary>Where the server listens, with the ports really bound (a port 0 in the options becomes a free one).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>
    /// Opens the data directory and starts listening. Fails with <see cref="IOException"/> when an address cannot be
    /// bound (in use, or not this machine's).
    /// </summary>
    public static async Task<StrataServer> StartAsync(StrataServerOptions options, CancellationToken cancellationToken)
    {
        var store = StateStore.Open(options.DataDirectory, options.Time);
        try
        {
            var app = Build(options, store);
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw;
            }
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            return new StrataServer(app, store, bound.Select(a => new Uri(a)).ToList());
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private static WebApplication Build(StrataServerOptions options, StateStore store)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(StrataServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            // Never the Development environment's exception page (stack traces) whatever ASPNETCORE_ENVIRONMENT says.
            EnvironmentName = Environments.Production,
        });
        // A library host: the caller decides what is printed and when to stop (no console lifetime, no log spam).
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, CallerOwnedLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        builder.WebHost.UseUrls([.. options.Urls.Select(u => u.GetLeftPart(UriPartial.Authority))]);

        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        var urls = SignalUrls.ForDataDirectory(options.DataDirectory);
        builder.Services.AddSingleton(urls);
        // The clock is handed over explicitly, not registered as TimeProvider: ASP.NET Core's own timers stay on the system's.
        builder.Services.AddSingleton(new SignalHub(store, urls, options.Time));

        var app = builder.Build();
        // One ProblemDetails shape for every error: thrown exceptions, and bare status codes (unknown path, wrong method).
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapSignalEndpoints();
        app.MapHealthEndpoints();
        return app;
    }

    /// <summary>Stops listening; requests in flight get <see cref="StrataServerOptions.ShutdownTimeout"/> to finish.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _store.Dispose();
    }
}
