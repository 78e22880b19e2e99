using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Strata.Engine.Signals;
using Strata.Engine.State;

namespace Strata.Server.Health;

/// <summary>
/// <c>GET /health</c>'s answer. <see cref="SignalKeyId"/> names the signing key (without revealing it) so that
/// <c>strata up --signal-url</c> can tell whether this server accepts the URLs it mints.
/// </summary>
public sealed record HealthReport(string Status, string SignalKeyId);

internal static class HealthEndpoints
{
    public const string Route = "/health";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, CheckAsync).WithName("Health");
        return app;
    }

    /// <summary>Healthy when the state store answers a read; 503 (ProblemDetails) when it does not.</summary>
    private static async Task<IResult> CheckAsync(StateStore store, SignalUrls urls, CancellationToken cancellationToken)
    {
        try
        {
            await store.GetStackAsync("health-check", cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "State store unavailable", detail: ex.Message);
        }
        return Results.Ok(new HealthReport("healthy", urls.KeyId));
    }
}
