using Microsoft.Data.Sqlite;

namespace Strata.Engine.State;

/// <summary>
/// Brings a state file written by an earlier Strata to <see cref="Schema.Version"/>, inside the transaction that
/// opens the store (so two processes opening an old file at once migrate it once, and a failure leaves it as it was).
/// </summary>
internal static class SchemaMigrations
{
    public static void Apply(SqliteConnection connection, SqliteTransaction transaction, string path)
    {
        var stored = Scalar(connection, transaction, "SELECT MAX(version) FROM schema_version") is long version ? (int)version : (int?)null;
        if (stored > Schema.Version)
        {
            throw new InvalidDataException(
                $"State store {path}: written by a newer Strata (schema version {stored}; this one reads up to {Schema.Version}). Use that version or a copy of the data directory.");
        }
        if (stored == Schema.Version)
        {
            return;
        }
        // Version 1 kept each stack's template bodies in its row (and recorded no version).
        if (Scalar(connection, transaction, "SELECT COUNT(*) FROM pragma_table_info('stacks') WHERE name = 'template_body'") is > 0L)
        {
            MoveTemplateBodiesOutOfStacks(connection, transaction);
        }
        Execute(connection, transaction, "DELETE FROM schema_version");
        Execute(connection, transaction, $"INSERT INTO schema_version (version) VALUES ({Schema.Version})");
    }

    /// <summary>Version 1 → 2: every body goes to <c>stack_templates</c> under its hash; the rows keep the hashes.</summary>
    private static void MoveTemplateBodiesOutOfStacks(SqliteConnection connection, SqliteTransaction transaction)
    {
        Execute(connection, transaction, "ALTER TABLE stacks ADD COLUMN template_hash TEXT NOT NULL DEFAULT ''");
        Execute(connection, transaction, "ALTER TABLE stacks ADD COLUMN previous_template_hash TEXT");

        var stacks = new List<(string Id, string Body, string? Previous)>();
        using (var read = Command(connection, transaction, "SELECT stack_id, template_body, previous_template_body FROM stacks"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                stacks.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        using var save = Command(connection, transaction, "INSERT INTO stack_templates (template_hash, body) VALUES (@hash, @body) ON CONFLICT (template_hash) DO NOTHING");
        using var point = Command(connection, transaction, "UPDATE stacks SET template_hash = @hash, previous_template_hash = @previous WHERE stack_id = @id");
        foreach (var (id, body, previous) in stacks)
        {
            var hash = Save(save, body);
            var previousHash = previous is null ? null : Save(save, previous);
            point.Parameters.Clear();
            point.Parameters.AddWithValue("@hash", hash);
            point.Parameters.AddWithValue("@previous", (object?)previousHash ?? DBNull.Value);
            point.Parameters.AddWithValue("@id", id);
            point.ExecuteNonQuery();
        }

        Execute(connection, transaction, "ALTER TABLE stacks DROP COLUMN template_body");
        Execute(connection, transaction, "ALTER TABLE stacks DROP COLUMN previous_template_body");
    }

    private static string Save(SqliteCommand save, string body)
    {
        var hash = TemplateHashes.Of(body);
        save.Parameters.Clear();
        save.Parameters.AddWithValue("@hash", hash);
        save.Parameters.AddWithValue("@body", body);
        save.ExecuteNonQuery();
        return hash;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }
}
