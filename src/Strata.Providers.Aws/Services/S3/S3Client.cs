using System.Text;
using System.Xml.Linq;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Signing;

namespace Strata.Providers.Aws.Services.S3;

/// <summary>
/// The S3 calls Strata needs: a bucket for templates over CloudFormation's inline limit, the upload, and
/// an existence check. REST-XML protocol, SigV4 with S3's rules (no path normalisation, signed payload hash).
/// </summary>
public sealed class S3Client
{
    private static readonly XNamespace S3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";
    private readonly AwsServicePipeline _pipeline;
    private readonly S3ClientOptions _options;

    public S3Client(AwsClientContext context, S3ClientOptions? options = null)
    {
        _pipeline = new AwsServicePipeline(context, AwsServices.S3);
        _options = options ?? new S3ClientOptions();
    }

    public AwsServicePipeline Pipeline => _pipeline;

    public async Task<CreateBucketResponse> CreateBucketAsync(CreateBucketRequest request, CancellationToken cancellationToken = default)
    {
        var region = request.Region ?? _pipeline.Context.Region;
        // us-east-1 is the default location and must not be named; every other region must be.
        var body = region == "us-east-1"
            ? []
            : Encoding.UTF8.GetBytes(new XElement(S3Namespace + "CreateBucketConfiguration",
                new XElement(S3Namespace + "LocationConstraint", region)).ToString(SaveOptions.DisableFormatting));
        var response = await SendAsync("CreateBucket", request.Bucket, null, HttpMethod.Put, body,
            body.Length > 0 ? "application/xml" : null, [], cancellationToken).ConfigureAwait(false);
        return new CreateBucketResponse(response.Header("Location"));
    }

    public async Task<PutObjectResponse> PutObjectAsync(PutObjectRequest request, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(request.Key)) throw new ArgumentException("The object key is empty.", nameof(request));
        var headers = request.Metadata.Select(m => new KeyValuePair<string, string>("x-amz-meta-" + m.Key, m.Value)).ToList();
        var response = await SendAsync("PutObject", request.Bucket, request.Key, HttpMethod.Put, request.Content,
            request.ContentType ?? "application/octet-stream", headers, cancellationToken).ConfigureAwait(false);
        return new PutObjectResponse(response.Header("ETag"), response.Header("x-amz-version-id"));
    }

    /// <summary>Succeeds when the bucket exists and is accessible; otherwise an error with code NotFound or Forbidden.</summary>
    public async Task<HeadBucketResponse> HeadBucketAsync(string bucket, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync("HeadBucket", bucket, null, HttpMethod.Head, [], null, [], cancellationToken).ConfigureAwait(false);
        return new HeadBucketResponse(response.Header("x-amz-bucket-region"));
    }

    /// <summary>The object's URL at the configured endpoint, e.g. for CloudFormation's TemplateURL.</summary>
    public Uri GetObjectUrl(string bucket, string key)
    {
        var endpoint = _pipeline.Endpoint.Url;
        var encodedKey = AwsUriEncoding.Encode(key, keepSlashes: true);
        var basePath = endpoint.AbsolutePath.TrimEnd('/');
        return UsePathStyle(bucket)
            ? new Uri($"{endpoint.Scheme}://{endpoint.Authority}{basePath}/{bucket}/{encodedKey}")
            : new Uri($"{endpoint.Scheme}://{bucket}.{endpoint.Authority}{basePath}/{encodedKey}");
    }

    private Task<AwsHttpResponse> SendAsync(string operation, string bucket, string? key, HttpMethod method, byte[] body,
        string? contentType, List<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        ValidateBucketName(bucket);
        var pathStyle = UsePathStyle(bucket);
        var path = (pathStyle ? "/" + bucket : "") + "/" + (key is null ? "" : AwsUriEncoding.Encode(key, keepSlashes: true));
        var request = new AwsHttpRequest
        {
            Method = method,
            Path = path,
            HostPrefix = pathStyle ? null : bucket + ".",
            Body = body,
            ContentType = contentType,
        };
        request.Headers.AddRange(headers);
        return _pipeline.SendAsync(operation, request, cancellationToken);
    }

    private bool UsePathStyle(string bucket) =>
        _options.ForcePathStyle ?? (_pipeline.Endpoint.IsCustom || !IsDnsCompatible(bucket));

    /// <summary>Names that work as one DNS label set: lower-case letters, digits, hyphens; no dots (TLS).</summary>
    private static bool IsDnsCompatible(string bucket) =>
        bucket.Length is >= 3 and <= 63 && bucket.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') &&
        bucket[0] != '-' && bucket[^1] != '-';

    private static void ValidateBucketName(string bucket)
    {
        if (bucket.Length is < 3 or > 63 || bucket.Any(c => !(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.')))
            throw new ArgumentException(
                $"'{bucket}' is not a valid S3 bucket name: use 3-63 lower-case letters, digits, hyphens and dots.", nameof(bucket));
    }
}
