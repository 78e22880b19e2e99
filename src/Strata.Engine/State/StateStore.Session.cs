using System.Data.Common;
using Microsoft.Data.Sqlite;
using Strata.Engine.Model;

namespace Strata.Engine.State;

public sealed partial class StateStore
{
    /// <summary>One unit of work on the connection: commands share the transaction; events are collected for publishing.</summary>
    private sealed class Session(PreparedCommands commands, SqliteTransaction? transaction, TimeProvider time)
    {
        public List<StackEvent>? AppendedEvents { get; private set; }

        public DateTimeOffset Now => time.GetUtcNow();

        public int Execute(string sql, params (string Name, object? Value)[] parameters) =>
            commands.Get(sql, transaction, parameters).ExecuteNonQuery();

        public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
        {
            var value = commands.Get(sql, transaction, parameters).ExecuteScalar();
            return value is DBNull ? null : value;
        }

        public List<T> Query<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
        {
            using var reader = commands.Get(sql, transaction, parameters).ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(map(reader));
            }
            return rows;
        }

        public void Appended(StackEvent stackEvent) => (AppendedEvents ??= []).Add(stackEvent);
    }
}
