using Strata.Engine.Model;
using Strata.Engine.State.Sql;

namespace Strata.Engine.State;

public sealed partial class StateStore
{
    public Task<StackEvent> AppendEventAsync(string stackId, string stackName, EventDraft draft, CancellationToken cancellationToken) =>
        RunAsync(s => AppendEvent(s, stackId, stackName, draft), write: true, cancellationToken);

    /// <summary>The stack's events after <paramref name="afterSequence"/>, oldest first.</summary>
    public Task<IReadOnlyList<StackEvent>> GetEventsAsync(string stackId, long afterSequence, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<StackEvent>>(s => s.Query(
            "SELECT stack_id, seq, event_id, stack_name, occurred_at, logical_id, physical_id, resource_type, status, reason " +
            "FROM stack_events WHERE stack_id = @id AND seq > @after ORDER BY seq",
            ReadEvent, ("@id", stackId), ("@after", afterSequence)), write: false, cancellationToken);

    private static StackEvent AppendEvent(Session session, string stackId, string stackName, EventDraft draft)
    {
        // The next sequence number is computed inside the write transaction, so concurrent writers
        // (threads or processes) never collide; plain SQL that PostgreSQL runs as well.
        var next = session.NextEventSequence(stackId, () => session.Query(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM stack_events WHERE stack_id = @id", r => r.GetInt64(0), ("@id", stackId))[0]);
        var stackEvent = new StackEvent(
            next, Identifiers.NewRandom().ToString(), stackId, stackName, session.Now,
            draft.LogicalId, draft.PhysicalId, draft.ResourceType, draft.Status, draft.Reason);
        session.Execute(
            "INSERT INTO stack_events (stack_id, seq, event_id, stack_name, occurred_at, logical_id, physical_id, resource_type, status, reason) " +
            "VALUES (@id, @seq, @eid, @name, @at, @logical, @physical, @type, @status, @reason)",
            ("@id", stackId), ("@seq", next), ("@eid", stackEvent.EventId), ("@name", stackName), ("@at", FormatTime(stackEvent.Timestamp)),
            ("@logical", draft.LogicalId), ("@physical", draft.PhysicalId), ("@type", draft.ResourceType),
            ("@status", draft.Status), ("@reason", draft.Reason));
        session.Appended(stackEvent);
        return stackEvent;
    }

    private static StackEvent ReadEvent(SqlRow r) => new(
        r.GetInt64(1), r.GetString(2), r.GetString(0), r.GetString(3), ParseTime(r.GetString(4)),
        r.GetString(5), r.GetNullableString(6), r.GetString(7), r.GetString(8), r.GetNullableString(9));
}
