namespace Strata.Providers.Aws;

/// <summary>
/// Base of every error this client layer raises on purpose. Messages are written for the user: they name
/// the service, operation, profile, access key id or file involved, and never a secret.
/// </summary>
public abstract class AwsException(string message, Exception? inner = null) : Exception(message, inner);
