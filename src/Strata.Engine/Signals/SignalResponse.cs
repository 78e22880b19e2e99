using Strata.Engine.Model;
using Strata.Engine.State;

namespace Strata.Engine.Signals;

/// <summary>
/// What a signal endpoint answers: an HTTP status code, a short title and the detail; for a malformed body the
/// field at fault; for an accepted signal, the signal and where it was stored. Each host renders it its own way
/// (<c>strata serve</c> as ProblemDetails JSON).
/// </summary>
public sealed record SignalResponse(int StatusCode, string Title, string Message)
{
    /// <summary>The body field a 400 is about (<c>Status</c>, <c>UniqueId</c>), or null.</summary>
    public string? Field { get; init; }

    /// <summary>The stack the signal was stored for (200 only).</summary>
    public StackRecord? Stack { get; init; }

    public string? LogicalId { get; init; }

    /// <summary>The stored signal (200 only).</summary>
    public WaitSignal? Signal { get; init; }

    public bool Accepted => StatusCode == 200;

    public static SignalResponse Received(StackRecord stack, string logicalId, WaitSignal signal) =>
        new(200, "Signal received", $"{signal.Status} from {signal.UniqueId} recorded for {stack.Name}/{logicalId}") { Stack = stack, LogicalId = logicalId, Signal = signal };

    public static SignalResponse WrongMethod(string method) =>
        new(405, "Method not allowed", $"Send signals with PUT (as cfn-signal does), not {method}");

    public static SignalResponse Refused(string why) => new(403, "Signal refused", $"The signal URL is not valid: {why}");

    public static SignalResponse UnknownTarget(string detail) => new(404, "Unknown wait handle", detail);

    public static SignalResponse Malformed(SignalBodyProblem problem) => new(400, "Malformed signal", problem.Message) { Field = problem.Field };

    public static SignalResponse NotReady() => new(503, "Not ready", "Not ready for signals yet; retry");

    public static SignalResponse Failed(string detail) => new(500, "Signal not stored", "The signal could not be stored: " + detail);
}
