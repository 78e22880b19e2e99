using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Strata.Engine.Model;

namespace Strata.Engine.State.Sql;

/// <summary>
/// One SQL statement prepared once on the store's connection and run many times, bound by position.
/// The store runs the same few statements for every resource; through <c>SqliteCommand</c> each run also
/// created a data reader, looked up every parameter by name (converting the name to UTF-8 each time) and
/// converted every value to UTF-8, which together cost more than SQLite's own work. Here the parameter
/// positions are learned at preparation, strings are transcoded into a reused buffer and stored JSON is
/// bound as the UTF-8 it already is. Not thread-safe: used only by the holder of the store's gate.
/// </summary>
internal sealed class SqlStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly string[] _parameterNames;

    private SqlStatement(sqlite3 db, sqlite3_stmt statement, string sql)
    {
        _db = db;
        _statement = statement;
        Sql = sql;
        _parameterNames = new string[raw.sqlite3_bind_parameter_count(statement)];
        for (var i = 0; i < _parameterNames.Length; i++)
        {
            _parameterNames[i] = raw.sqlite3_bind_parameter_name(statement, i + 1).utf8_to_string() ?? "";
        }
    }

    public string Sql { get; }

    public static SqlStatement Prepare(sqlite3 db, string sql)
    {
        var rc = raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out var statement, out string tail);
        SqliteException.ThrowExceptionForRC(rc, db);
        if (!string.IsNullOrWhiteSpace(tail?.TrimStart().TrimStart(';')))
        {
            // SQLite prepares the first statement only; the rest would be silently dropped.
            statement.Dispose();
            throw new ArgumentException($"One statement at a time: '{tail.Trim()}' follows the first in: {sql}", nameof(sql));
        }
        return new SqlStatement(db, statement, sql);
    }

    /// <summary>Runs the statement to its end; returns the number of rows it changed.</summary>
    public int Execute(ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        Bind(parameters);
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }
            Check(rc);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Maps every row the statement returns.</summary>
    public List<T> Query<T>(ReadOnlySpan<(string Name, object? Value)> parameters, Func<SqlRow, T> map)
    {
        Bind(parameters);
        try
        {
            var rows = new List<T>();
            var row = new SqlRow(_statement);
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
                rows.Add(map(row));
            }
            Check(rc);
            return rows;
        }
        finally
        {
            Reset();
        }
    }

    private void Bind(ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (parameters.Length != _parameterNames.Length)
        {
            throw new ArgumentException(
                $"SQL takes {_parameterNames.Length} parameter(s), {parameters.Length} given: {Sql}", nameof(parameters));
        }
        for (var i = 0; i < parameters.Length; i++)
        {
            var (name, value) = parameters[i];
            // Callers list parameters in the order the SQL first uses them: then position i is index i + 1.
            var index = string.Equals(_parameterNames[i], name, StringComparison.Ordinal) ? i + 1 : IndexOf(name);
            Check(BindValue(index, value));
        }
    }

    private int IndexOf(string name)
    {
        var position = Array.IndexOf(_parameterNames, name);
        return position >= 0 ? position + 1 : throw new ArgumentException($"SQL has no parameter {name}: {Sql}", nameof(name));
    }

    private int BindValue(int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(_statement, index),
        string text => BindText(index, text),
        StoredJson json => raw.sqlite3_bind_text(_statement, index, json.Utf8),
        long number => raw.sqlite3_bind_int64(_statement, index, number),
        int number => raw.sqlite3_bind_int64(_statement, index, number),
        bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
        double number => raw.sqlite3_bind_double(_statement, index, number),
        _ => throw new ArgumentException($"SQL parameter {_parameterNames[index - 1]}: values of type {value.GetType().Name} are not stored", nameof(value)),
    };

    /// <summary>
    /// Strings go in as UTF-8, converted here: .NET's vectorized transcoder is several times faster than
    /// SQLite's own UTF-16 conversion. SQLite copies the bytes, so the buffer is reused at once.
    /// </summary>
    private int BindText(int index, string text)
    {
        const int StackLimit = 512;
        var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (maxBytes <= StackLimit)
        {
            Span<byte> buffer = stackalloc byte[StackLimit];
            var written = Encoding.UTF8.GetBytes(text, buffer);
            return raw.sqlite3_bind_text(_statement, index, buffer[..written]);
        }
        var rented = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            var written = Encoding.UTF8.GetBytes(text, rented);
            return raw.sqlite3_bind_text(_statement, index, rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private void Reset()
    {
        // Reset releases the statement's read of the database; its error, if any, was already reported by step.
        raw.sqlite3_reset(_statement);
        raw.sqlite3_clear_bindings(_statement);
    }

    public void Dispose() => _statement.Dispose();
}
