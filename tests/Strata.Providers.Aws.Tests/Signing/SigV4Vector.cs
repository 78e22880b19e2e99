using System.Text.Json;
using Strata.Providers.Aws.Credentials;
using Strata.Providers.Aws.Signing;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Signing;

/// <summary>Expected outputs of one signing form (header or query) of a vector.</summary>
public sealed record ExpectedSignature(string CanonicalRequest, string StringToSign, string Signature, string SignedRequest);

/// <summary>
/// One SigV4 test vector from the shared corpus, read from either upstream layout:
/// aws-c-auth (<c>v4/NAME/context.json, request.txt, header-*.txt, query-*.txt</c>) or botocore
/// (<c>NAME/NAME.req, .creq, .sts, .authz, .sreq</c>).
/// </summary>
public sealed class SigV4Vector
{
    // botocore's harness (tests/unit/auth/test_sigv4.py) signs every vector as this key, at this time, for
    // this scope; its vector files do not repeat them.
    private const string BotocoreAccessKey = "AKIDEXAMPLE";
    private const string BotocoreSecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset BotocoreTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    public required string Id { get; init; }
    public required RawHttpRequest Request { get; init; }
    public required SigningParameters Parameters { get; init; }
    public required ExpectedSignature Header { get; init; }

    /// <summary>The expected Authorization header on its own (botocore's .authz), when the suite has one.</summary>
    public string? ExpectedAuthorization { get; init; }

    /// <summary>Null where the suite has no query-form expectations (botocore).</summary>
    public ExpectedSignature? Query { get; init; }
    public TimeSpan Expires { get; init; }

    public string PayloadHash => PayloadHashes.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(Request.Body));

    public SigningRequest ToSigningRequest() =>
        new(Request.Method, Request.Path, Request.Query, Request.Headers, PayloadHash);

    public static string CorpusRoot => RepositoryPaths.SigV4Corpus;

    /// <summary>Vector ids are paths relative to the sigv4 corpus, e.g. <c>aws-c-auth/v4/get-vanilla</c>.</summary>
    public static SigV4Vector Load(string id)
    {
        var dir = Path.Combine(CorpusRoot, id);
        return File.Exists(Path.Combine(dir, "context.json")) ? LoadAwsCAuth(id, dir) : LoadBotocore(id, dir);
    }

    private static SigV4Vector LoadAwsCAuth(string id, string dir)
    {
        using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "context.json")));
        var root = context.RootElement;
        var creds = root.GetProperty("credentials");
        var credentials = new AwsCredentials(
            creds.GetProperty("access_key_id").GetString()!,
            creds.GetProperty("secret_access_key").GetString()!,
            creds.TryGetProperty("token", out var token) ? token.GetString() : null);
        var parameters = new SigningParameters(credentials,
            root.GetProperty("region").GetString()!,
            root.GetProperty("service").GetString()!,
            DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal))
        {
            NormalizePath = root.GetProperty("normalize").GetBoolean(),
            DoubleEncodePath = true,
            AddContentSha256Header = root.GetProperty("sign_body").GetBoolean(),
            OmitSessionTokenFromSignature = root.TryGetProperty("omit_session_token", out var omit) && omit.GetBoolean(),
        };
        return new SigV4Vector
        {
            Id = id,
            Request = RawHttpRequest.Parse(File.ReadAllText(Path.Combine(dir, "request.txt"))),
            Parameters = parameters,
            Header = ReadExpected(dir, "header"),
            Query = ReadExpected(dir, "query"),
            Expires = TimeSpan.FromSeconds(root.GetProperty("expiration_in_seconds").GetInt32()),
        };
    }

    private static ExpectedSignature ReadExpected(string dir, string form) => new(
        File.ReadAllText(Path.Combine(dir, $"{form}-canonical-request.txt")),
        File.ReadAllText(Path.Combine(dir, $"{form}-string-to-sign.txt")),
        File.ReadAllText(Path.Combine(dir, $"{form}-signature.txt")).Trim(),
        File.ReadAllText(Path.Combine(dir, $"{form}-signed-request.txt")));

    private static SigV4Vector LoadBotocore(string id, string dir)
    {
        var name = Path.Combine(dir, Path.GetFileName(dir));
        var canonical = File.ReadAllText(name + ".creq").Replace("\r", "");
        var authorization = File.ReadAllText(name + ".authz").Replace("\r", "").Trim();

        // As upstream: the session token, if any, is the one the canonical request shows. The
        // post-sts-token vectors take theirs from the folder's readme, and "header-after" adds it only
        // after signing (the readme says so).
        var token = canonical.Split('\n').FirstOrDefault(l => l.StartsWith("x-amz-security-token:"))?.Split(':', 2)[1];
        var omitToken = false;
        var readme = Path.Combine(Path.GetDirectoryName(dir)!, "readme.txt");
        if (token is null && File.Exists(readme) && Path.GetFileName(dir).EndsWith("header-after"))
        {
            token = File.ReadAllLines(readme).Last(l => l.Trim().Length > 0).Trim();
            omitToken = true;
        }
        var parameters = new SigningParameters(new AwsCredentials(BotocoreAccessKey, BotocoreSecretKey, token),
            "us-east-1", "service", BotocoreTime)
        {
            OmitSessionTokenFromSignature = omitToken,
        };
        return new SigV4Vector
        {
            Id = id,
            Request = RawHttpRequest.Parse(File.ReadAllText(name + ".req")),
            Parameters = parameters,
            Header = new ExpectedSignature(canonical, File.ReadAllText(name + ".sts").Replace("\r", ""),
                authorization.Split("Signature=")[1], File.ReadAllText(name + ".sreq")),
            ExpectedAuthorization = authorization,
        };
    }
}
