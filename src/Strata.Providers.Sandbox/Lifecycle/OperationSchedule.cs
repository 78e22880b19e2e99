using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Faults;
using Strata.Providers.Sandbox.Identity;
using Strata.Providers.Sandbox.Storage;

namespace Strata.Providers.Sandbox.Lifecycle;

/// <summary>
/// The common end of accepting a create, update or delete, once the resource row is written: the operation's
/// due time (none when the fault rules hang it), how it will end (a fault at the end, or success), its row,
/// and the first progress event — already the final one when the operation takes no time.
/// </summary>
internal static class OperationSchedule
{
    /// <param name="durationSeed">
    /// What the operation's duration is drawn from; each kind keeps its own key so that a seed gives the same
    /// timings run after run.
    /// </param>
    /// <param name="pending">What the resource becomes when the operation succeeds (null for a delete).</param>
    public static ProgressEvent Begin(SqliteConnection c, SqliteTransaction t, SandboxRuntime runtime, FaultRules faults, ResourceRequest request,
        OperationKind kind, ResourceRecord resource, string durationSeed, long now, JsonObject? pending)
    {
        var random = new DeterministicRandom(runtime.Seed, durationSeed);
        var ending = FaultDecision.AtEnd(c, t, faults, kind, request);
        long? due = faults.HangsOn(kind)
            ? null
            : now + runtime.DurationMs(resource.Type, kind, faults.SecondsFor(kind), random);

        var operation = new OperationRecord
        {
            RequestToken = NewRequestToken(),
            ClientToken = request.ClientToken,
            Kind = kind,
            Type = resource.Type,
            PhysicalId = resource.PhysicalId,
            Stack = resource.Stack,
            LogicalId = resource.LogicalId,
            StartedAt = now,
            DueAt = due,
            Status = OperationStatus.InProgress,
            ErrorCode = ending?.Code,
            Message = ending?.Message,
            Pending = pending,
        };
        OperationTable.Insert(c, t, operation);
        operation = OperationCompleter.CompleteIfDue(c, t, operation, now);
        return EventFactory.For(c, t, operation, runtime);
    }

    private static string NewRequestToken() => Guid.NewGuid().ToString("N");
}
