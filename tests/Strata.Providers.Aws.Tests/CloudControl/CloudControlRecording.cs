using System.Text.Json.Nodes;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.CloudControl;

/// <summary>
/// One recorded Cloud Control exchange from <c>CloudControl/Recordings</c> (see the README there): what Strata must
/// send and what the endpoint answers.
/// </summary>
public sealed class CloudControlRecording
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "Strata.Providers.Aws.Tests", "CloudControl", "Recordings");

    private CloudControlRecording(string name, JsonObject document)
    {
        Name = name;
        Document = document;
    }

    public string Name { get; }
    public JsonObject Document { get; }
    public string Target => Document["request"]!["target"]!.GetValue<string>();
    public JsonObject RequestBody => Document["request"]!["body"]!.AsObject();
    public int Status => Document["response"]!["status"]!.GetValue<int>();
    public JsonObject ResponseBody => Document["response"]!["body"]!.AsObject();

    public static CloudControlRecording Load(string name)
    {
        var path = Path.Combine(Folder, name + ".json");
        var document = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidOperationException($"{path} is empty.");
        foreach (var required in new[] { "source", "note", "request", "response" })
            if (!document.ContainsKey(required)) throw new InvalidOperationException($"{path} has no '{required}'.");
        return new CloudControlRecording(name, document);
    }

    public static IEnumerable<string> All() => Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order()!;

    /// <summary>Queues this recording's response on the endpoint.</summary>
    public CloudControlRecording ServeFrom(RecordedAwsEndpoint endpoint, int times = 1)
    {
        for (var i = 0; i < times; i++)
            endpoint.Respond(ResponseBody.ToJsonString(), Status, Document["response"]!["contentType"]!.GetValue<string>());
        return this;
    }

    /// <summary>Asserts that <paramref name="request"/> is the recorded one: a signed JSON 1.0 POST with the target and body.</summary>
    public void AssertMatches(CapturedRequest request)
    {
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Target);
        Assert.Equal(Target, request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.0", request.Header("Content-Type"));
        var authorization = request.Header("Authorization") ?? "";
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDRECORDED/", authorization);
        Assert.Contains("/cloudcontrolapi/aws4_request", authorization);
        Assert.Contains("x-amz-target", authorization);
        var sent = JsonNode.Parse(request.BodyText);
        Assert.True(JsonNode.DeepEquals(RequestBody, sent), $"{Name}: expected body {RequestBody.ToJsonString()}, sent {request.BodyText}");
    }
}

/// <summary>The system clock pinned at one instant, so RetryAfter (an absolute time) maps to a known wait.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Client contexts on a <see cref="RecordedAwsEndpoint"/> with a chosen clock and retry policy.</summary>
public static class RecordedContexts
{
    public static AwsClientContext For(RecordedAwsEndpoint endpoint, TimeProvider? time = null, RetryOptions? retry = null)
    {
        var recorded = endpoint.Context();
        return new AwsClientContext(recorded.Region, recorded.Credentials, (service, _) => recorded.ResolveEndpoint(service),
            retry ?? RetryOptions.Default with { MaxAttempts = 1 }, time);
    }
}
