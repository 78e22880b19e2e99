namespace Strata.Providers.Aws.Protocol;

/// <summary>
/// A request before signing. The body is a byte array so that every retry can send it again.
/// </summary>
public sealed class AwsHttpRequest
{
    public HttpMethod Method { get; init; } = HttpMethod.Post;

    /// <summary>
    /// Put in front of the endpoint's host for this request only (S3 virtual-hosted buckets: "my-bucket.").
    /// </summary>
    public string? HostPrefix { get; init; }

    /// <summary>The path, already percent-encoded for the wire (e.g. <c>/bucket/my%20key</c>).</summary>
    public string Path { get; init; } = "/";

    /// <summary>Query parameters, not encoded.</summary>
    public List<KeyValuePair<string, string>> Query { get; } = [];

    /// <summary>Headers to send and sign (besides Host, X-Amz-Date and the other signing headers).</summary>
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public byte[] Body { get; init; } = [];

    public string? ContentType { get; init; }
}

/// <summary>A complete response: status, headers (case-insensitive) and body, read within the attempt.</summary>
public sealed class AwsHttpResponse(int statusCode, IReadOnlyDictionary<string, string> headers, byte[] body)
{
    public int StatusCode { get; } = statusCode;
    public IReadOnlyDictionary<string, string> Headers { get; } = headers;
    public byte[] Body { get; } = body;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The request id AWS puts in a header (the body may carry one too).</summary>
    public string? RequestIdHeader => Header("x-amzn-RequestId") ?? Header("x-amz-request-id");
}
