namespace Strata.Server;

/// <summary>One accepted signal, as the server reports it to its host (the CLI prints a line per signal).</summary>
public sealed record SignalNotice(DateTimeOffset ReceivedAt, string StackName, string LogicalId, string UniqueId, string Status, string? Reason);

/// <summary>What <see cref="StrataServer"/> serves and where.</summary>
public sealed record StrataServerOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The data directory whose state store and signing key the server shares with <c>strata up</c>.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Addresses to listen on (<c>http://HOST:PORT</c>; port 0 picks a free one, see <see cref="StrataServer.Addresses"/>).</summary>
    public IReadOnlyList<Uri> Urls { get; init; } = [new(DefaultUrl)];

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long a stop waits for requests in flight before closing their connections.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Called after each accepted signal, on the request's thread.</summary>
    public Action<SignalNotice>? SignalAccepted { get; init; }
}
