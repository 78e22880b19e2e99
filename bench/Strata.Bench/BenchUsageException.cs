namespace Strata.Bench;

/// <summary>Bad arguments or a missing input: reported as one line, exit code 2, no stack trace.</summary>
internal sealed class BenchUsageException(string message) : Exception(message);
