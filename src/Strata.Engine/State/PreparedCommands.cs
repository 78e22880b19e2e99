using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Strata.Engine.State;

/// <summary>
/// One prepared command per SQL text on the store's connection. The store issues the same few statements for
/// every resource; preparing each once instead of per call roughly halves the cost of a journal write.
/// Not thread-safe: used only by the holder of the store's gate.
/// </summary>
internal sealed class PreparedCommands(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="sql"/>, bound to <paramref name="transaction"/> and these parameter values.</summary>
    public DbCommand Get(string sql, SqliteTransaction? transaction, (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        command.Transaction = transaction;
        if (SameNames(command.Parameters, parameters))
        {
            // The usual case: the same statement with the same parameters; only the values change.
            for (var i = 0; i < parameters.Length; i++)
            {
                command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
            }
            return command;
        }
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    private static bool SameNames(SqliteParameterCollection current, (string Name, object? Value)[] parameters)
    {
        if (current.Count != parameters.Length)
        {
            return false;
        }
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!string.Equals(current[i].ParameterName, parameters[i].Name, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
    }
}
