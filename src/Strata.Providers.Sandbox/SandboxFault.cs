using Strata.Engine.Providers;

namespace Strata.Providers.Sandbox;

/// <summary>
/// A request the simulated cloud refuses, as the real one would (bad property, quota reached, address in
/// use). Thrown from deep inside resource generation and turned into a failed ProgressEvent at the edge.
/// </summary>
internal sealed class SandboxFault(HandlerErrorCode code, string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public HandlerErrorCode Code { get; } = code;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public ProgressEvent ToEvent() => ProgressEvent.Failure(Code, Message, RetryAfter);
}
