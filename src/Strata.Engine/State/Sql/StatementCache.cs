using SQLitePCL;

namespace Strata.Engine.State.Sql;

/// <summary>One prepared <see cref="SqlStatement"/> per SQL text on the store's connection. Not thread-safe: used only by the holder of the store's gate.</summary>
internal sealed class StatementCache(sqlite3 db) : IDisposable
{
    private readonly Dictionary<string, SqlStatement> _statements = new(StringComparer.Ordinal);

    /// <summary>
    /// The same statements by string instance. The store's SQL is made of constants, so each text arrives as the one
    /// interned instance every time; hashing a few hundred characters to find it again was a tenth of the store's
    /// time in a large up. Only interned instances are kept here: any other string is looked up by its text.
    /// </summary>
    private readonly Dictionary<string, SqlStatement> _byInstance = new(ReferenceEqualityComparer.Instance);

    public SqlStatement this[string sql]
    {
        get
        {
            if (_byInstance.TryGetValue(sql, out var statement))
            {
                return statement;
            }
            if (!_statements.TryGetValue(sql, out statement))
            {
                statement = SqlStatement.Prepare(db, sql);
                _statements.Add(sql, statement);
            }
            if (ReferenceEquals(string.IsInterned(sql), sql))
            {
                _byInstance[sql] = statement;
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
        _byInstance.Clear();
    }
}
