namespace Strata.Providers.Aws.CloudFormation;

/// <summary>A request Strata cannot carry out as given (bad stack name, unusable record file, template bucket problem).</summary>
public sealed class CloudFormationDeploymentException(string message, Exception? inner = null) : AwsException(message, inner);
