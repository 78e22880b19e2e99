namespace Strata.Providers.Aws.Services.S3;

public sealed record S3ClientOptions
{
    /// <summary>
    /// Address buckets as <c>https://endpoint/bucket/key</c> rather than <c>https://bucket.endpoint/key</c>.
    /// Null decides by itself: path style for configured endpoints (emulators, proxies) and for bucket
    /// names that cannot be a host name.
    /// </summary>
    public bool? ForcePathStyle { get; init; }
}

public sealed record CreateBucketRequest(string Bucket)
{
    /// <summary>Where to create it; null means the client's region.</summary>
    public string? Region { get; init; }
}

public sealed record CreateBucketResponse(string? Location);

public sealed record PutObjectRequest(string Bucket, string Key, byte[] Content)
{
    public string? ContentType { get; init; }

    /// <summary>User metadata, sent as <c>x-amz-meta-*</c> headers.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}

public sealed record PutObjectResponse(string? ETag, string? VersionId);

/// <summary>The bucket exists and is reachable with these credentials.</summary>
public sealed record HeadBucketResponse(string? BucketRegion);
