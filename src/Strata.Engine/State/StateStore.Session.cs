using Strata.Engine.Model;
using Strata.Engine.State.Sql;

namespace Strata.Engine.State;

public sealed partial class StateStore
{
    /// <summary>One unit of work on the connection, inside the transaction its caller opened (or none, for reads); events are collected for publishing.</summary>
    private sealed class Session(StatementCache statements, TimeProvider time, BatchContext? batch = null)
    {
        public List<StackEvent>? AppendedEvents { get; private set; }

        public DateTimeOffset Now => time.GetUtcNow();

        public int Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
            statements[sql].Execute(parameters);

        public List<T> Query<T>(string sql, Func<SqlRow, T> map, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
            statements[sql].Query(parameters, map);

        public void Appended(StackEvent stackEvent) => (AppendedEvents ??= []).Add(stackEvent);

        /// <summary>
        /// The next event number of <paramref name="stackId"/>: read from the database once per transaction, then
        /// counted here (the transaction holds the write lock, so nobody else appends meanwhile).
        /// </summary>
        public long NextEventSequence(string stackId, Func<long> readFromDatabase)
        {
            if (batch is null)
            {
                return readFromDatabase();
            }
            var next = batch.EventSequences.TryGetValue(stackId, out var last) ? last + 1 : readFromDatabase();
            batch.EventSequences[stackId] = next;
            return next;
        }
    }

    /// <summary>What the writes of one transaction share.</summary>
    private sealed class BatchContext
    {
        public Dictionary<string, long> EventSequences { get; } = new(StringComparer.Ordinal);
    }
}
