using Strata.Providers.Aws;
using Strata.Providers.Aws.CloudFormation;
using Strata.Providers.Aws.Configuration;

namespace Strata.Cli.Commands.CloudFormation;

/// <summary>
/// The <see cref="CloudFormationDeployer"/> as the CLI runs it: AWS settings as the AWS tools read them
/// (<c>AWS_PROFILE</c>, <c>~/.aws</c>, <c>AWS_REGION</c>, <c>AWS_ENDPOINT_URL</c>...), Strata's records in the data
/// directory. Settings problems surface as <see cref="AwsException"/>, which the CLI reports as bad usage (exit 2).
/// </summary>
public static class CloudFormationHost
{
    /// <summary>A bucket for templates over CloudFormation's inline limit (default: one Strata creates per account and region).</summary>
    public const string TemplateBucketVariable = "STRATA_TEMPLATE_BUCKET";

    public static CloudFormationDeployer Open(string dataDirectory)
    {
        var aws = AwsClientContext.FromEnvironment(ProcessEnvironment.Instance);
        return new CloudFormationDeployer(aws, new CloudFormationDeployerOptions
        {
            DataDirectory = dataDirectory,
            TemplateBucket = Environment.GetEnvironmentVariable(TemplateBucketVariable) is { Length: > 0 } bucket ? bucket : null,
        });
    }
}
