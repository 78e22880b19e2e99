using System.Text.Json.Nodes;

namespace Strata.Engine.Providers;

/// <summary>
/// CloudFormation's side of the custom resource protocol: hands a request (<c>RequestType</c>, <c>ResponseURL</c>,
/// <c>ResourceProperties</c>, …) to the function or topic a resource's <c>ServiceToken</c> names. The handler answers
/// by PUTting its response to the request's <c>ResponseURL</c>, which the engine waits on.
/// </summary>
public interface ICustomResourceTransport
{
    /// <summary>Why <paramref name="serviceToken"/> cannot be delivered to (not a function or topic ARN this transport knows), or null when it can.</summary>
    string? Refuse(string serviceToken);

    /// <summary>Delivers the request, asynchronously for the handler: returns once the service accepted it.</summary>
    Task DeliverAsync(string serviceToken, JsonObject request, CancellationToken cancellationToken);
}
