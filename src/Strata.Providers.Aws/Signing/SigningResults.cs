namespace Strata.Providers.Aws.Signing;

/// <summary>The intermediate and final values of one SigV4 signature; kept for diagnostics and tests.</summary>
public sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string Signature,
    string SignedHeaders,
    string CredentialScope);

/// <summary>Header-form result: add <see cref="HeadersToAdd"/> (which ends with Authorization) to the request.</summary>
public sealed record HeaderSigningResult(
    SigV4Signature Details,
    string Authorization,
    IReadOnlyList<KeyValuePair<string, string>> HeadersToAdd);

/// <summary>
/// Query-form (presigned) result: <see cref="SignedQuery"/> is the complete query string to send
/// (the original parameters followed by the X-Amz-* ones).
/// </summary>
public sealed record QuerySigningResult(
    SigV4Signature Details,
    IReadOnlyList<KeyValuePair<string, string>> QueryParametersToAdd,
    string SignedQuery);
