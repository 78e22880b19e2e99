using Microsoft.Data.Sqlite;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Faults;
using Strata.Providers.Sandbox.Storage;

namespace Strata.Providers.Sandbox.Lifecycle;

/// <summary>
/// Applies a resource's fault rules to one attempt. Retryable codes (Throttling, NetworkFailure,
/// ServiceInternalError) refuse the request at once with a retry-after, as an API does; every other
/// code fails the operation when it would have finished. <c>FailTimes</c> counts attempts per resource
/// and operation in the database, so the count survives the retries of another process.
/// </summary>
internal static class FaultDecision
{
    public static bool IsImmediate(HandlerErrorCode code) => code.IsRetryable();

    /// <summary>An up-front refusal for this attempt, or null.</summary>
    public static ProgressEvent? Immediate(SqliteConnection c, SqliteTransaction t, SandboxRuntime runtime, FaultRules rules, OperationKind kind, ResourceRequest request)
    {
        if (!rules.FailsOn(kind) || !IsImmediate(rules.Fail!.Value) || !ConsumeFailure(c, t, rules, kind, request))
        {
            return null;
        }
        return ProgressEvent.Failure(rules.Fail.Value, Message(rules, kind, request), SandboxRuntime.Max(runtime.Scale(1), TimeSpan.FromMilliseconds(1)));
    }

    /// <summary>The failure this attempt will end with, or null when it succeeds.</summary>
    public static (HandlerErrorCode Code, string Message)? AtEnd(SqliteConnection c, SqliteTransaction t, FaultRules rules, OperationKind kind, ResourceRequest request)
    {
        if (!rules.FailsOn(kind) || IsImmediate(rules.Fail!.Value) || !ConsumeFailure(c, t, rules, kind, request))
        {
            return null;
        }
        return (rules.Fail.Value, Message(rules, kind, request));
    }

    private static bool ConsumeFailure(SqliteConnection c, SqliteTransaction t, FaultRules rules, OperationKind kind, ResourceRequest request)
    {
        var failuresSoFar = CounterTable.Increment(c, t, $"fault|{request.StackName}|{request.LogicalId}|{kind}");
        return rules.FailTimes is not { } limit || failuresSoFar < limit;
    }

    private static string Message(FaultRules rules, OperationKind kind, ResourceRequest request) =>
        rules.Message ?? $"{rules.Fail} injected on {kind} of {request.LogicalId} by {FaultRules.MetadataKey}";
}
