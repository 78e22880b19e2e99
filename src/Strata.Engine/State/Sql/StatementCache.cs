using SQLitePCL;

namespace Strata.Engine.State.Sql;

/// <summary>One prepared <see cref="SqlStatement"/> per SQL text on the store's connection. Not thread-safe: used only by the holder of the store's gate.</summary>
internal sealed class StatementCache(sqlite3 db) : IDisposable
{
    private readonly Dictionary<string, SqlStatement> _statements = new(StringComparer.Ordinal);

    public SqlStatement this[string sql]
    {
        get
        {
            if (!_statements.TryGetValue(sql, out var statement))
            {
                statement = SqlStatement.Prepare(db, sql);
                _statements.Add(sql, statement);
            }
            return statement;
        }
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }
        _statements.Clear();
    }
}
