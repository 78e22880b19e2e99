using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Strata.Engine.Signals;

namespace Strata.Server.Signals;

/// <summary>What the signal endpoint answers when it accepts a signal.</summary>
public sealed record SignalReceipt(string Stack, string LogicalId, string UniqueId, string Status);

/// <summary>
/// <c>PUT /signal/{handle}?Expires=…&amp;Signature=…</c> with cfn-signal's JSON body: the URL a wait-condition handle's
/// Ref gives (minted by <c>strata up</c> with <c>--signal-url</c> pointing here). Checking and storing is the engine's
/// <see cref="SignalHub.AcceptAsync"/>, the same code the CLI's loopback listener runs; this maps its answer to HTTP.
/// </summary>
internal static class SignalEndpoints
{
    public const string Route = "/signal/{handle}";

    public static IEndpointRouteBuilder MapSignalEndpoints(this IEndpointRouteBuilder app)
    {
        // POST too: some senders (curl -d) default to it; cfn-signal PUTs.
        app.MapMethods(Route, [HttpMethods.Put, HttpMethods.Post], AcceptAsync).WithName("Signal");
        return app;
    }

    private static async Task<IResult> AcceptAsync(HttpRequest request, SignalHub hub, StrataServerOptions options, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Signal too large",
                detail: $"A signal body has at most {SignalBody.MaxLength} characters");
        }
        var pathAndQuery = request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        var response = await hub.AcceptAsync(request.Method, pathAndQuery, body, cancellationToken).ConfigureAwait(false);
        if (!response.Accepted)
        {
            return Problem(response);
        }
        var (stack, logicalId, signal) = (response.Stack!.Name, response.LogicalId!, response.Signal!);
        options.SignalAccepted?.Invoke(new SignalNotice(signal.ReceivedAt, stack, logicalId, signal.UniqueId, signal.Status, signal.Reason));
        return Results.Ok(new SignalReceipt(stack, logicalId, signal.UniqueId, signal.Status));
    }

    internal static IResult Problem(SignalResponse response) =>
        Results.Problem(
            statusCode: response.StatusCode,
            title: response.Title,
            detail: response.Message,
            extensions: response.Field is { } field ? new Dictionary<string, object?> { ["field"] = field } : null);

    /// <summary>The body as text, or null when it is longer than a signal may be (read no further than that).</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > SignalBody.MaxLength * 4L)
        {
            return null;
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[SignalBody.MaxLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }
        return length > SignalBody.MaxLength ? null : new string(buffer, 0, length);
    }
}
