using System.Text;
using SQLitePCL;
using Strata.Engine.Model;

namespace Strata.Engine.State.Sql;

/// <summary>The current row of a running <see cref="SqlStatement"/>; valid only inside the row's map function.</summary>
internal readonly struct SqlRow
{
    private readonly sqlite3_stmt _statement;

    internal SqlRow(sqlite3_stmt statement) => _statement = statement;

    public bool IsNull(int ordinal) => raw.sqlite3_column_type(_statement, ordinal) == raw.SQLITE_NULL;

    public string GetString(int ordinal) =>
        IsNull(ordinal) ? throw new InvalidOperationException($"column {ordinal} is NULL") : Encoding.UTF8.GetString(Utf8(ordinal));

    public string? GetNullableString(int ordinal) => IsNull(ordinal) ? null : Encoding.UTF8.GetString(Utf8(ordinal));

    public long GetInt64(int ordinal) => raw.sqlite3_column_int64(_statement, ordinal);

    /// <summary>The column's text as stored, without a string in between.</summary>
    public ReadOnlySpan<byte> Utf8(int ordinal) => raw.sqlite3_column_blob(_statement, ordinal);
}
