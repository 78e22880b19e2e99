namespace Strata.Cli.Infrastructure;

/// <summary>Bad usage or unreadable input: printed as one line on stderr, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
