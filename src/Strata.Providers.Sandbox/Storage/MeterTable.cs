using Microsoft.Data.Sqlite;

namespace Strata.Providers.Sandbox.Storage;

/// <summary>One stretch of time during which a resource accrued a cost component at a fixed hourly rate.</summary>
internal sealed record MeterInterval(
    string Stack, string LogicalId, string Type, string PhysicalId, string Component, double HourlyUsd, long StartedAt, long? EndedAt);

/// <summary>
/// SQL for the <c>meter</c> table. Cost is the integral of hourly rates over time: each component of a
/// resource (compute, storage, public address…) opens an interval when it starts accruing and closes it
/// when it stops (instance stopped, resource deleted, rate changed by an update).
/// </summary>
internal static class MeterTable
{
    public static void Open(SqliteConnection c, SqliteTransaction t, MeterInterval interval) =>
        c.Execute(t, "INSERT INTO meter (stack, logical_id, type, physical_id, component, hourly_usd, started_at, ended_at) VALUES ($stack, $logical, $type, $id, $component, $rate, $started, NULL)",
            ("$stack", interval.Stack), ("$logical", interval.LogicalId), ("$type", interval.Type), ("$id", interval.PhysicalId),
            ("$component", interval.Component), ("$rate", interval.HourlyUsd), ("$started", interval.StartedAt));

    /// <summary>Closes the open intervals of a resource (all components, or those named).</summary>
    public static void Close(SqliteConnection c, SqliteTransaction t, string type, string physicalId, long endedAt, IReadOnlyCollection<string>? components = null)
    {
        if (components is null)
        {
            c.Execute(t, "UPDATE meter SET ended_at = MAX(started_at, $ended) WHERE type = $type AND physical_id = $id AND ended_at IS NULL",
                ("$ended", endedAt), ("$type", type), ("$id", physicalId));
            return;
        }
        foreach (var component in components)
        {
            c.Execute(t, "UPDATE meter SET ended_at = MAX(started_at, $ended) WHERE type = $type AND physical_id = $id AND component = $component AND ended_at IS NULL",
                ("$ended", endedAt), ("$type", type), ("$id", physicalId), ("$component", component));
        }
    }

    /// <summary>Intervals of a stack that overlap [from, to).</summary>
    public static List<MeterInterval> ForStack(SqliteConnection c, string stack, long from, long to) =>
        c.Query(null, "SELECT stack, logical_id, type, physical_id, component, hourly_usd, started_at, ended_at FROM meter WHERE stack = $stack AND started_at < $to AND (ended_at IS NULL OR ended_at > $from) ORDER BY id",
            r => new MeterInterval(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetDouble(5), r.GetInt64(6), r.NullableLong(7)),
            ("$stack", stack), ("$from", from), ("$to", to));

    /// <summary>What a stack is accruing per hour at a moment (its open intervals that have begun).</summary>
    public static double OpenRate(SqliteConnection c, string stack, long now)
    {
        using var command = c.Command(null, "SELECT COALESCE(SUM(hourly_usd), 0) FROM meter WHERE stack = $stack AND ended_at IS NULL AND started_at <= $now",
            ("$stack", stack), ("$now", now));
        return Convert.ToDouble(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
