using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Strata.Engine.Providers;

namespace Strata.Engine.Tests.Support;

/// <summary>
/// Stands in for the Lambda function behind a custom resource (the transport to AWS is the boundary a unit test
/// cannot reach): records every request and answers it the way a cfn-response handler does, by PUTting a response
/// to its ResponseURL — here through the engine's signal endpoint code, as the HTTP listener would.
/// </summary>
public sealed class CustomResourceFunction(Func<StackEngine> engine) : ICustomResourceTransport
{
    public const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:handler";

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    /// <summary>Decides the response to a request; null sends none (the handler crashed). Default: success, a physical id, Data {Answer: 42}.</summary>
    public Func<JsonObject, JsonObject?> Respond { get; set; } = request => new JsonObject
    {
        ["Status"] = "SUCCESS",
        ["PhysicalResourceId"] = $"custom-{request["LogicalResourceId"]}",
        ["Data"] = new JsonObject { ["Answer"] = "42" },
    };

    public string? Refuse(string serviceToken) => serviceToken.StartsWith("arn:aws:lambda:", StringComparison.Ordinal) ? null : "not a Lambda function ARN";

    public async Task DeliverAsync(string serviceToken, JsonObject request, CancellationToken cancellationToken)
    {
        Requests.Enqueue((JsonObject)request.DeepClone());
        if (Respond(request) is not { } response)
        {
            return;
        }
        response["RequestId"] = request["RequestId"]!.DeepClone();
        response["StackId"] = request["StackId"]!.DeepClone();
        response["LogicalResourceId"] = request["LogicalResourceId"]!.DeepClone();
        var url = new Uri(request["ResponseURL"]!.GetValue<string>());
        var answer = await engine().Signals.AcceptAsync("PUT", url.PathAndQuery, response.ToJsonString(), cancellationToken);
        if (answer.StatusCode != 200)
        {
            throw new InvalidOperationException($"the response was refused: {answer.StatusCode} {answer.Message}");
        }
    }
}
