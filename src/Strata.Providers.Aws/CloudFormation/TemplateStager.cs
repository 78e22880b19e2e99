using System.Security.Cryptography;
using System.Text;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.S3;
using Strata.Providers.Aws.Services.Sts;

namespace Strata.Providers.Aws.CloudFormation;

/// <summary>How a template reaches CloudFormation: inline, or by URL from S3.</summary>
public sealed record StagedTemplate(int SizeBytes, string? Body, Uri? Url, string? Bucket, string? Key)
{
    public bool IsInS3 => Url is not null;

    public string Describe() => IsInS3
        ? $"The template is {SizeBytes:N0} bytes, over CloudFormation's {TemplateStager.InlineLimitBytes:N0}-byte inline limit: uploaded to s3://{Bucket}/{Key}"
        : $"The template ({SizeBytes:N0} bytes) is sent inline";
}

/// <summary>
/// The "template is in S3" pre-flight: a template over CloudFormation's 51,200-byte TemplateBody limit is
/// uploaded to the configured bucket, or to <c>strata-templates-{account}-{region}</c> (created on first use),
/// under a content-addressed key so that re-running an up uploads nothing new.
/// </summary>
public sealed class TemplateStager(AwsClientContext context, string? configuredBucket)
{
    /// <summary>CloudFormation's limit for TemplateBody (bytes of UTF-8).</summary>
    public const int InlineLimitBytes = 51_200;

    private readonly S3Client _s3 = new(context);

    public async Task<StagedTemplate> StageAsync(string stackName, string templateBody, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(templateBody);
        if (bytes.Length <= InlineLimitBytes) return new StagedTemplate(bytes.Length, templateBody, null, null, null);

        var bucket = configuredBucket ?? await EnsureOwnBucketAsync(cancellationToken).ConfigureAwait(false);
        var key = $"{stackName}/{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}.template";
        try
        {
            await _s3.PutObjectAsync(new PutObjectRequest(bucket, key, bytes) { ContentType = "text/plain; charset=utf-8" },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code is "NoSuchBucket" or "AccessDenied" or "AllBucketsRestricted")
        {
            throw new CloudFormationDeploymentException(
                $"The template is {bytes.Length:N0} bytes (CloudFormation takes at most {InlineLimitBytes:N0} inline), and uploading it " +
                $"to bucket '{bucket}' failed: {e.Code}: {e.ErrorMessage}" +
                (configuredBucket is null ? "" : " (check the configured template bucket)"), e);
        }
        return new StagedTemplate(bytes.Length, null, _s3.GetObjectUrl(bucket, key), bucket, key);
    }

    /// <summary>The account's own template bucket in this region, created if it does not exist yet.</summary>
    private async Task<string> EnsureOwnBucketAsync(CancellationToken cancellationToken)
    {
        var account = (await new StsClient(context).GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false)).Account;
        var bucket = $"strata-templates-{account}-{context.Region}";
        try
        {
            await _s3.HeadBucketAsync(bucket, cancellationToken).ConfigureAwait(false);
            return bucket;
        }
        catch (AwsServiceException e) when (e.HttpStatus == 403)
        {
            throw new CloudFormationDeploymentException(
                $"Bucket '{bucket}' exists but these credentials cannot use it (another account may own it): configure a template bucket.", e);
        }
        catch (AwsServiceException e) when (e.HttpStatus == 404 || e.Code is "NotFound" or "NoSuchBucket")
        {
        }

        try
        {
            await _s3.CreateBucketAsync(new CreateBucketRequest(bucket), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "BucketAlreadyOwnedByYou")
        {
            // Created meanwhile by another Strata process: just as good.
        }
        catch (AwsServiceException e) when (e.Code == "BucketAlreadyExists")
        {
            throw new CloudFormationDeploymentException(
                $"Bucket name '{bucket}' is taken by another account: configure a template bucket for templates over {InlineLimitBytes:N0} bytes.", e);
        }
        return bucket;
    }
}
