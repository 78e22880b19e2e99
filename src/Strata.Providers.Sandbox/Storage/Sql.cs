using Microsoft.Data.Sqlite;

namespace Strata.Providers.Sandbox.Storage;

/// <summary>Small helpers that keep the table classes to their SQL.</summary>
internal static class Sql
{
    public static SqliteCommand Command(this SqliteConnection connection, SqliteTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    public static int Execute(this SqliteConnection connection, SqliteTransaction? transaction, string text, params (string, object?)[] parameters)
    {
        using var command = connection.Command(transaction, text, parameters);
        return command.ExecuteNonQuery();
    }

    public static long ScalarLong(this SqliteConnection connection, SqliteTransaction? transaction, string text, params (string, object?)[] parameters)
    {
        using var command = connection.Command(transaction, text, parameters);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static List<T> Query<T>(this SqliteConnection connection, SqliteTransaction? transaction, string text, Func<SqliteDataReader, T> map, params (string, object?)[] parameters)
    {
        using var command = connection.Command(transaction, text, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    public static string? NullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableLong(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
