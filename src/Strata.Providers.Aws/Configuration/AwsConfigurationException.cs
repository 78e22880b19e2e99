namespace Strata.Providers.Aws.Configuration;

/// <summary>
/// AWS settings that cannot be used as they are: a malformed config file, an unknown profile, a bad
/// endpoint URL. The message names the file and line, the profile, or the variable.
/// </summary>
public sealed class AwsConfigurationException(string message, Exception? inner = null)
    : AwsException(message, inner);
