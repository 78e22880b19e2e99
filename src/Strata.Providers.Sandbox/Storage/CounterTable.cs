using Microsoft.Data.Sqlite;

namespace Strata.Providers.Sandbox.Storage;

/// <summary>Named counters: resource generations (for fresh ids on replacement) and fault attempts (FailTimes).</summary>
internal static class CounterTable
{
    /// <summary>Adds one to a counter and returns the value before (0 the first time).</summary>
    public static long Increment(SqliteConnection c, SqliteTransaction t, string key)
    {
        var before = Get(c, t, key);
        c.Execute(t, "INSERT INTO counters (key, value) VALUES ($key, 1) ON CONFLICT(key) DO UPDATE SET value = value + 1", ("$key", key));
        return before;
    }

    public static void Delete(SqliteConnection c, SqliteTransaction t, string key) =>
        c.Execute(t, "DELETE FROM counters WHERE key = $key", ("$key", key));

    public static long Get(SqliteConnection c, SqliteTransaction? t, string key) =>
        c.ScalarLong(t, "SELECT value FROM counters WHERE key = $key", ("$key", key));
}
