namespace Strata.Providers.Aws.Services;

/// <summary>A resource tag (Key/Value), as CloudFormation, EC2 and S3 all use them.</summary>
public sealed record AwsTag(string Key, string Value);
