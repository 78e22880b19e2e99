using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Strata.Providers.Aws.Signing;

/// <summary>
/// AWS Signature Version 4 (AWS4-HMAC-SHA256), in header form and in query (presigned URL) form.
/// Pure functions of their inputs: the caller passes the time, so results are reproducible.
/// </summary>
public static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public static readonly TimeSpan MaxPresignedExpiry = TimeSpan.FromDays(7);

    public static HeaderSigningResult SignHeaders(SigningRequest request, SigningParameters parameters)
    {
        var amzDate = AmzDate(parameters.Time);
        var token = parameters.Credentials.SessionToken;
        var signedAdditions = new List<KeyValuePair<string, string>> { new("X-Amz-Date", amzDate) };
        if (token is not null && !parameters.OmitSessionTokenFromSignature)
            signedAdditions.Add(new("X-Amz-Security-Token", token));
        if (parameters.AddContentSha256Header)
            signedAdditions.Add(new("x-amz-content-sha256", request.PayloadHash));

        // Headers we set replace any the caller already had under the same name (e.g. a stale X-Amz-Date).
        var effective = request.Headers
            .Where(h => !signedAdditions.Any(a => a.Key.Equals(h.Key.Trim(), StringComparison.OrdinalIgnoreCase)))
            .Concat(signedAdditions);
        var canonicalQuery = CanonicalRequest.Query(CanonicalRequest.ParseQuery(request.Query));
        var details = Sign(request, parameters, canonicalQuery, effective, amzDate);

        var authorization =
            $"{Algorithm} Credential={parameters.Credentials.AccessKeyId}/{details.CredentialScope}, " +
            $"SignedHeaders={details.SignedHeaders}, Signature={details.Signature}";
        var toAdd = new List<KeyValuePair<string, string>>(signedAdditions);
        if (token is not null && parameters.OmitSessionTokenFromSignature)
            toAdd.Add(new("X-Amz-Security-Token", token));
        toAdd.Add(new("Authorization", authorization));
        return new HeaderSigningResult(details, authorization, toAdd);
    }

    public static QuerySigningResult Presign(SigningRequest request, SigningParameters parameters, TimeSpan expiresIn)
    {
        if (expiresIn <= TimeSpan.Zero || expiresIn > MaxPresignedExpiry)
            throw new ArgumentOutOfRangeException(nameof(expiresIn), expiresIn,
                "A presigned request must expire after more than 0 seconds and at most 7 days.");
        var amzDate = AmzDate(parameters.Time);
        var scope = CredentialScope(parameters);
        var (_, signedHeaders) = CanonicalRequest.Headers(request.Headers);
        var token = parameters.Credentials.SessionToken;

        var authParameters = new List<KeyValuePair<string, string>>
        {
            new("X-Amz-Algorithm", Algorithm),
            new("X-Amz-Credential", $"{parameters.Credentials.AccessKeyId}/{scope}"),
            new("X-Amz-Date", amzDate),
            new("X-Amz-SignedHeaders", signedHeaders),
            new("X-Amz-Expires", ((long)expiresIn.TotalSeconds).ToString(CultureInfo.InvariantCulture)),
        };
        if (token is not null) authParameters.Add(new("X-Amz-Security-Token", token));

        var signedParameters = CanonicalRequest.ParseQuery(request.Query)
            .Concat(authParameters.Where(p => p.Key != "X-Amz-Security-Token" || !parameters.OmitSessionTokenFromSignature));
        var details = Sign(request, parameters, CanonicalRequest.Query(signedParameters), request.Headers, amzDate);

        authParameters.Add(new("X-Amz-Signature", details.Signature));
        var appended = string.Join('&', authParameters.Select(p => AwsUriEncoding.Encode(p.Key) + "=" + AwsUriEncoding.Encode(p.Value)));
        var original = request.Query.TrimStart('?');
        var signedQuery = original.Length == 0 ? appended : original + "&" + appended;
        return new QuerySigningResult(details, authParameters, signedQuery);
    }

    public static string AmzDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string CredentialScope(SigningParameters parameters) =>
        $"{parameters.Time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}/{parameters.Region}/{parameters.Service}/aws4_request";

    public static byte[] DeriveSigningKey(string secretAccessKey, DateTimeOffset time, string region, string service)
    {
        var date = time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        return Hmac(key, "aws4_request");
    }

    private static SigV4Signature Sign(SigningRequest request, SigningParameters parameters, string canonicalQuery,
        IEnumerable<KeyValuePair<string, string>> headers, string amzDate)
    {
        var (canonicalHeaders, signedHeaders) = CanonicalRequest.Headers(headers);
        var canonicalRequest = string.Join('\n',
            request.Method.ToUpperInvariant(),
            CanonicalRequest.Uri(request.Path, parameters.NormalizePath, parameters.DoubleEncodePath),
            canonicalQuery,
            canonicalHeaders,
            signedHeaders,
            request.PayloadHash);
        var scope = CredentialScope(parameters);
        var stringToSign = string.Join('\n',
            Algorithm,
            amzDate,
            scope,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = DeriveSigningKey(parameters.Credentials.SecretAccessKey, parameters.Time, parameters.Region, parameters.Service);
        var signature = Convert.ToHexStringLower(Hmac(key, stringToSign));
        return new SigV4Signature(canonicalRequest, stringToSign, signature, signedHeaders, scope);
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
