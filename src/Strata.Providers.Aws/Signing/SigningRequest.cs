namespace Strata.Providers.Aws.Signing;

/// <summary>
/// What SigV4 needs to know about an HTTP request, as it goes on the wire.
/// </summary>
/// <param name="Method">HTTP method, e.g. GET.</param>
/// <param name="Path">The path from the request line, without the query (e.g. <c>/bucket/my%20key</c>).</param>
/// <param name="Query">The query string without the leading '?', as sent (may be empty).</param>
/// <param name="Headers">Headers in the order they are sent; a name may repeat.</param>
/// <param name="PayloadHash">Lower-case hex SHA-256 of the body, or <see cref="PayloadHashes.UnsignedPayload"/>.</param>
public sealed record SigningRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string PayloadHash);

/// <summary>How and as whom to sign.</summary>
/// <param name="Time">The signing time; SigV4 uses it to the second, in UTC.</param>
public sealed record SigningParameters(
    Credentials.AwsCredentials Credentials,
    string Region,
    string Service,
    DateTimeOffset Time)
{
    /// <summary>Remove dot segments and repeated slashes before signing (every service but S3).</summary>
    public bool NormalizePath { get; init; } = true;

    /// <summary>
    /// Percent-encode the (already encoded) wire path once more for the canonical request, which every
    /// service but S3 expects.
    /// </summary>
    public bool DoubleEncodePath { get; init; } = true;

    /// <summary>
    /// Leave the session token out of the signature and add it afterwards (a few services, e.g. IoT, want that).
    /// </summary>
    public bool OmitSessionTokenFromSignature { get; init; }

    /// <summary>Add and sign an <c>x-amz-content-sha256</c> header (S3 requires it).</summary>
    public bool AddContentSha256Header { get; init; }
}
