using Microsoft.Data.Sqlite;
using Strata.Engine.Model;
using Strata.Engine.State.Sql;

namespace Strata.Engine.Tests.State;

/// <summary>The store's prepared statements: binding by name in any order, every stored type, and clear errors.</summary>
public sealed class SqlStatementTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly StatementCache _statements;

    public SqlStatementTests()
    {
        _connection.Open();
        _statements = new StatementCache(_connection.Handle!);
        _statements["CREATE TABLE t (id TEXT PRIMARY KEY, n BIGINT, d REAL, doc TEXT, note TEXT)"].Execute([]);
    }

    public void Dispose()
    {
        _statements.Dispose();
        _connection.Dispose();
    }

    private const string Insert = "INSERT INTO t (id, n, d, doc, note) VALUES (@id, @n, @d, @doc, @note)";

    private List<(string Id, long N, string? Doc, string? Note)> All() =>
        _statements["SELECT id, n, doc, note FROM t ORDER BY id"].Query([], r => (r.GetString(0), r.GetInt64(1), r.GetNullableString(2), r.GetNullableString(3)));

    [Fact]
    public void Execute_ParametersInAnotherOrder_BindsEachByName()
    {
        _statements[Insert].Execute([("@note", "last"), ("@doc", null), ("@d", 1.5), ("@n", 7L), ("@id", "a")]);

        Assert.Equal([("a", 7L, null, "last")], All());
    }

    [Fact]
    public void Execute_EveryStoredType_RoundTripsTheValue()
    {
        var longText = string.Concat(Enumerable.Repeat("Größe-€-😀 ", 200)); // beyond the stack buffer, with multi-byte UTF-8
        var json = StoredJson.From(new System.Text.Json.Nodes.JsonObject { ["name"] = "Größe", ["n"] = 3 });

        _statements[Insert].Execute([("@id", "a"), ("@n", 1), ("@d", 2.5), ("@doc", json), ("@note", longText)]);
        _statements[Insert].Execute([("@id", "b"), ("@n", true), ("@d", DBNull.Value), ("@doc", null), ("@note", "")]);

        var rows = All();
        Assert.Equal(("a", 1L, json.ToString(), longText), rows[0]);
        Assert.Equal(("b", 1L, null, ""), rows[1]);
        var stored = _statements["SELECT doc FROM t WHERE id = @id"].Query([("@id", "a")], r => StoredJson.Parse(r.Utf8(0)));
        Assert.Equal(json, stored.Single());
    }

    [Fact]
    public void Indexer_SameTextAsAnotherInstance_GivesTheStatementPreparedForTheText()
    {
        var built = new string(Insert.AsSpan()); // equal text, not the interned constant

        Assert.NotSame(Insert, built);
        Assert.Same(_statements[Insert], _statements[built]);
        Assert.Same(_statements[built], _statements[Insert]);
    }

    [Fact]
    public void Execute_WrongNumberOfParameters_ThrowsNamingTheSql()
    {
        var error = Assert.Throws<ArgumentException>(() => _statements[Insert].Execute([("@id", "a")]));

        Assert.Contains("takes 5 parameter(s), 1 given", error.Message);
        Assert.Contains("INSERT INTO t", error.Message);
    }

    [Fact]
    public void Execute_UnknownParameterName_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            _statements[Insert].Execute([("@id", "a"), ("@n", 1), ("@d", 1.0), ("@doc", null), ("@typo", "x")]));

        Assert.Contains("no parameter @typo", error.Message);
    }

    [Fact]
    public void Execute_ValueOfAnUnstoredType_ThrowsNamingTheParameter()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            _statements[Insert].Execute([("@id", "a"), ("@n", DateTimeOffset.UnixEpoch), ("@d", 1.0), ("@doc", null), ("@note", null)]));

        Assert.Contains("@n", error.Message);
        Assert.Contains("DateTimeOffset", error.Message);
    }

    [Fact]
    public void Execute_ConstraintViolated_ThrowsSqliteExceptionAndTheStatementRunsAgain()
    {
        _statements[Insert].Execute([("@id", "a"), ("@n", 1), ("@d", 1.0), ("@doc", null), ("@note", null)]);

        var error = Assert.Throws<SqliteException>(() =>
            _statements[Insert].Execute([("@id", "a"), ("@n", 2), ("@d", 1.0), ("@doc", null), ("@note", null)]));
        Assert.Contains("UNIQUE", error.Message);

        _statements[Insert].Execute([("@id", "b"), ("@n", 3), ("@d", 1.0), ("@doc", null), ("@note", null)]);
        Assert.Equal(["a", "b"], All().Select(r => r.Id));
    }

    [Fact]
    public void Prepare_InvalidSql_ThrowsSqliteExceptionWithSqlitesMessage()
    {
        var error = Assert.Throws<SqliteException>(() => _statements["SELECT nope FROM t"]);

        Assert.Contains("no such column: nope", error.Message);
    }

    [Fact]
    public void Prepare_TwoStatements_ThrowsRatherThanDropTheSecond()
    {
        var error = Assert.Throws<ArgumentException>(() => _statements["DELETE FROM t; DELETE FROM t"]);

        Assert.Contains("One statement at a time", error.Message);
    }

    [Fact]
    public void Prepare_TrailingSemicolon_IsOneStatement()
    {
        Assert.Equal(0, _statements["DELETE FROM t;"].Execute([]));
    }

    [Fact]
    public void GetString_NullColumn_Throws()
    {
        _statements[Insert].Execute([("@id", "a"), ("@n", 1), ("@d", 1.0), ("@doc", null), ("@note", null)]);

        Assert.Throws<InvalidOperationException>(() => _statements["SELECT note FROM t"].Query([], r => r.GetString(0)));
    }

    [Fact]
    public void Execute_UpdateOfTwoRows_ReturnsTheRowsChanged()
    {
        _statements[Insert].Execute([("@id", "a"), ("@n", 1), ("@d", 1.0), ("@doc", null), ("@note", null)]);
        _statements[Insert].Execute([("@id", "b"), ("@n", 1), ("@d", 1.0), ("@doc", null), ("@note", null)]);

        Assert.Equal(2, _statements["UPDATE t SET n = @n"].Execute([("@n", 5)]));
    }
}
