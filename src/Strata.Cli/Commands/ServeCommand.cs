using System.CommandLine;
using System.Runtime.InteropServices;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Server;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata serve [--urls URL] [--data DIR | --postgres CONNSTRING]</c>: runs the Strata server over a data directory
/// until Ctrl-C (or SIGTERM) — the wait-condition signal endpoint, so handle URLs minted by <c>strata up --signal-url</c>
/// keep working after <c>up</c> is gone, and <c>GET /health</c>. Prints where it listens and one line per signal.
/// </summary>
public static class ServeCommand
{
    public sealed record ServeArguments(IReadOnlyList<Uri> Urls, string Data);

    public static Command Create(CliContext context)
    {
        var urls = new Option<string?>("--urls")
        {
            Description = $"Where to listen: http://HOST:PORT, several separated by ';' (default {StrataServerOptions.DefaultUrl}; port 0 picks a free one)",
        };
        var data = EngineCliOptions.Data();
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL state store (not supported yet: use --data)" };
        var command = new Command("serve", "Serve the wait-condition signal endpoint and /health over HTTP until Ctrl-C") { urls, data, postgres };
        command.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetValue(postgres) is not null)
            {
                throw new UsageException("--postgres: the PostgreSQL state store is not supported yet; serve a data directory with --data DIR");
            }
            return RunAsync(context, new ServeArguments(ParseUrls(parse.GetValue(urls)), parse.GetValue(data)!), cancellationToken);
        });
        return command;
    }

    /// <summary>Reads <c>--urls</c>: absolute http URLs with host and port only, or the default.</summary>
    public static IReadOnlyList<Uri> ParseUrls(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [new Uri(StrataServerOptions.DefaultUrl)];
        }
        var result = new List<Uri>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(part, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp)
            {
                throw new UsageException($"--urls '{part}' is not an http:// URL such as {StrataServerOptions.DefaultUrl} (https: put a TLS proxy in front)");
            }
            if (url.AbsolutePath != "/" || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
            {
                throw new UsageException($"--urls '{part}' must be scheme, host and port only: the server answers at its root");
            }
            result.Add(url);
        }
        return result.Count > 0 ? result : throw new UsageException("--urls names no URL");
    }

    /// <param name="cancellationToken">Stops the server like Ctrl-C does (tests, a host embedding the CLI).</param>
    public static async Task<int> RunAsync(CliContext context, ServeArguments args, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.GetFullPath(args.Data);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = StopOn(PosixSignal.SIGINT, stopping, context);
        using var terminate = StopOn(PosixSignal.SIGTERM, stopping, context);
        var output = new Lock();
        void Print(string line)
        {
            lock (output)
            {
                context.Out.WriteLine(line);
                context.Out.Flush();
            }
        }

        StrataServer server;
        try
        {
            server = await StrataServer.StartAsync(new StrataServerOptions
            {
                DataDirectory = dataDirectory,
                Urls = args.Urls,
                SignalAccepted = s => Print($"{s.ReceivedAt:yyyy-MM-dd HH:mm:ss}Z signal {s.Status} from {s.UniqueId} for {s.StackName}/{s.LogicalId}"
                    + (s.Reason is { Length: > 0 } reason ? $": {reason}" : "")),
            }, stopping.Token).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // Kestrel's message names the address: "Failed to bind to address http://127.0.0.1:5080: address already in use."
            throw new UsageException($"cannot listen: {ex.Message}");
        }

        await using (server.ConfigureAwait(false))
        {
            foreach (var address in server.Addresses)
            {
                Print($"strata serve: listening on {address} (signals: PUT {address}signal/…, health: GET {address}health)");
            }
            Print($"strata serve: data directory {dataDirectory}; 'strata up --signal-url {server.Addresses[0]}' mints handle URLs for this server. Ctrl-C stops.");
            try
            {
                await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C, SIGTERM or the caller: stop below.
            }
            Print("strata serve: stopping");
            await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        return ExitCodes.Success;
    }

    /// <summary>The first signal stops the server gracefully; a second one ends the process as usual.</summary>
    private static PosixSignalRegistration StopOn(PosixSignal signal, CancellationTokenSource stopping, CliContext context) =>
        PosixSignalRegistration.Create(signal, c =>
        {
            if (!stopping.IsCancellationRequested)
            {
                c.Cancel = true;
                context.Error.WriteLine($"strata serve: {(signal == PosixSignal.SIGINT ? "Ctrl-C" : "SIGTERM")} received; stopping (again to end at once)");
                stopping.Cancel();
            }
        });
}
