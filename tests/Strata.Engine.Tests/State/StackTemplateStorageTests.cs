using Microsoft.Data.Sqlite;
using Strata.Engine.Model;
using Strata.Engine.State;
using Strata.Engine.Tests.Support;

namespace Strata.Engine.Tests.State;

/// <summary>Template bodies live in their own rows, once per distinct text, and older state files are moved to that layout.</summary>
public sealed class StackTemplateStorageTests : TemporaryStoreTests
{
    private const string First = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n";
    private const string Second = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n";

    [Fact]
    public async Task InsertStackAsync_TwoStacksFromTheSameTemplate_StoresTheBodyOnce()
    {
        await Store.InsertStackAsync(Stack("a", "id-a") with { TemplateBody = First }, CancellationToken.None);
        await Store.InsertStackAsync(Stack("b", "id-b") with { TemplateBody = new string(First.AsSpan()) }, CancellationToken.None);

        Assert.Equal(First, (await Store.GetStackAsync("b", CancellationToken.None))!.TemplateBody);
        Assert.Equal(1, Count("stack_templates"));
    }

    [Fact]
    public async Task UpdateStackAsync_UpdateStartsThenCompletes_KeepsBothBodiesWhileRunningThenOnlyTheNewOne()
    {
        var stack = Stack("a", "id-a", StackStatus.CreateComplete) with { TemplateBody = First };
        await Store.InsertStackAsync(stack, CancellationToken.None);

        var updating = stack with { Status = StackStatus.UpdateInProgress, TemplateBody = Second, PreviousTemplateBody = First };
        await Store.UpdateStackAsync(updating, null, CancellationToken.None);
        var during = await Store.GetStackByIdAsync("id-a", CancellationToken.None);
        var countDuring = Count("stack_templates");

        await Store.UpdateStackAsync(updating with { Status = StackStatus.UpdateComplete, PreviousTemplateBody = null }, null, CancellationToken.None);
        var after = await Store.GetStackByIdAsync("id-a", CancellationToken.None);

        Assert.Equal((Second, First), (during!.TemplateBody, during.PreviousTemplateBody));
        Assert.Equal(2, countDuring);
        Assert.Equal((Second, (string?)null), (after!.TemplateBody, after.PreviousTemplateBody));
        Assert.Equal(1, Count("stack_templates"));
    }

    [Fact]
    public async Task UpdateStackAsync_OldTemplateStillUsedByAnotherStack_KeepsItsBody()
    {
        await Store.InsertStackAsync(Stack("a", "id-a") with { TemplateBody = First }, CancellationToken.None);
        await Store.InsertStackAsync(Stack("b", "id-b") with { TemplateBody = First }, CancellationToken.None);

        await Store.UpdateStackAsync(Stack("a", "id-a") with { TemplateBody = Second }, null, CancellationToken.None);

        Assert.Equal(First, (await Store.GetStackAsync("b", CancellationToken.None))!.TemplateBody);
        Assert.Equal(2, Count("stack_templates"));
    }

    [Fact]
    public async Task GetStackAsync_TemplateRowMissing_NamesTheStackAndTheTemplate()
    {
        await Store.InsertStackAsync(Stack("a", "id-a") with { TemplateBody = First }, CancellationToken.None);
        Execute(Store.DatabasePath, "DELETE FROM stack_templates");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Store.GetStackAsync("a", CancellationToken.None));

        Assert.Contains("stack a (id-a)", error.Message);
        Assert.Contains(TemplateHashes.Of(First), error.Message);
    }

    [Fact]
    public async Task Open_StateFileOfSchemaVersion1_MovesTemplateBodiesOutOfTheStackRows()
    {
        var directory = Path.Combine(StoreDirectory, "v1");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, StateStore.FileName);
        Execute(path,
            "CREATE TABLE schema_version (version INTEGER NOT NULL)",
            """
            CREATE TABLE stacks (stack_id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, status_reason TEXT,
                template_body TEXT NOT NULL, template_path TEXT, parameters TEXT NOT NULL, previous_template_body TEXT,
                previous_template_path TEXT, previous_parameters TEXT, outputs TEXT NOT NULL, root_cause TEXT, provider TEXT NOT NULL,
                disable_rollback INTEGER NOT NULL, expires_at TEXT, parent_stack_id TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            $"""
            INSERT INTO stacks VALUES ('id-old', 'old', 'UPDATE_IN_PROGRESS', NULL, '{Second}', 'new.yaml', '{"{}"}', '{First}', 'old.yaml',
                '{"{}"}', '[]', NULL, 'sandbox', 0, NULL, NULL, '2026-11-01T00:00:00.0000000Z', '2026-11-02T00:00:00.0000000Z')
            """);

        using (var store = StateStore.Open(directory))
        {
            var stack = await store.GetStackAsync("old", CancellationToken.None);

            Assert.Equal((Second, First), (stack!.TemplateBody, stack.PreviousTemplateBody));
            Assert.Equal(("new.yaml", "old.yaml"), (stack.TemplatePath, stack.PreviousTemplatePath));
            Assert.Equal(StackStatus.UpdateInProgress, stack.Status);
        }
        Assert.Equal(0L, Scalar(path, "SELECT COUNT(*) FROM pragma_table_info('stacks') WHERE name LIKE '%template_body'"));
        Assert.Equal(2L, Scalar(path, "SELECT version FROM schema_version"));
    }

    [Fact]
    public void Open_StateFileOfANewerSchema_RefusesAndNamesBothVersions()
    {
        Execute(Store.DatabasePath, "UPDATE schema_version SET version = 99");

        var error = Assert.Throws<InvalidDataException>(() => StateStore.Open(StoreDirectory));

        Assert.Contains("schema version 99", error.Message);
        Assert.Contains("up to 2", error.Message);
        Assert.Contains(Store.DatabasePath, error.Message);
    }

    private long Count(string table) => (long)Scalar(Store.DatabasePath, $"SELECT COUNT(*) FROM {table}")!;

    private static object? Scalar(string path, string sql)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(string path, params string[] statements)
    {
        using var connection = Connect(path);
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
