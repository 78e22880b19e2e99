using System.Text.Json.Nodes;
using Strata.Engine.Model;
using Strata.Engine.State;
using Strata.Engine.Tests.Support;

namespace Strata.Engine.Tests.State;

public sealed class StateStoreTests : TemporaryStoreTests
{
    [Fact]
    public async Task AppendEventAsync_ManyConcurrentWriters_NumbersEventsWithoutGapsAndPublishesThem()
    {
        await Store.InsertStackAsync(Stack("s", "id-1"), CancellationToken.None);
        var published = 0;
        Store.EventAppended += _ => Interlocked.Increment(ref published);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Store.AppendEventAsync("id-1", "s", new EventDraft($"R{i}", null, "AWS::SQS::Queue", "CREATE_IN_PROGRESS", null), CancellationToken.None)));

        var events = await Store.GetEventsAsync("id-1", 0, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(50, published);
        Assert.Equal(40, (await Store.GetEventsAsync("id-1", 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task InsertStackAsync_WithItsFirstEvent_StoresBothAndPublishesTheEvent()
    {
        var published = new List<StackEvent>();
        Store.EventAppended += published.Add;

        var appended = await Store.InsertStackAsync(Stack("web", "id-1"), new EventDraft("web", "id-1", "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated"), CancellationToken.None);

        Assert.NotNull(await Store.GetStackByIdAsync("id-1", CancellationToken.None));
        var stored = Assert.Single(await Store.GetEventsAsync("id-1", 0, CancellationToken.None));
        Assert.Equal((1L, "CREATE_IN_PROGRESS"), (stored.Sequence, stored.Status));
        Assert.Equal(stored.EventId, appended!.EventId);
        Assert.Equal(stored.EventId, Assert.Single(published).EventId);
    }

    [Fact]
    public async Task InsertStackAsync_StackAlreadyStored_AppendsNoEvent()
    {
        await Store.InsertStackAsync(Stack("web", "id-1"), CancellationToken.None);

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            Store.InsertStackAsync(Stack("web", "id-1"), new EventDraft("web", "id-1", "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", null), CancellationToken.None));

        Assert.Empty(await Store.GetEventsAsync("id-1", 0, CancellationToken.None));
    }

    [Fact]
    public async Task GetStackAsync_NameReused_ReturnsTheLatestAndKeepsTheDeletedOne()
    {
        await Store.InsertStackAsync(Stack("web", "old", StackStatus.DeleteComplete) with { RootCause = new RootCause("A", "T", "E", "M") }, CancellationToken.None);
        await Store.InsertStackAsync(Stack("web", "new", created: DateTimeOffset.UnixEpoch.AddDays(1)), CancellationToken.None);

        Assert.Equal("new", (await Store.GetStackAsync("web", CancellationToken.None))!.StackId);
        Assert.Equal("M", (await Store.GetStackByIdAsync("old", CancellationToken.None))!.RootCause!.Message);
        Assert.Single(await Store.ListStacksAsync(includeDeleted: false, includeNested: false, CancellationToken.None));
    }

    [Fact]
    public async Task BeginAndCompleteOperation_RecordsJournalAndResourceTogether()
    {
        await Store.InsertStackAsync(Stack("s", "id-1"), CancellationToken.None);
        var entry = new JournalEntry
        {
            OperationId = "op1", StackId = "id-1", RecordId = "r1", LogicalId = "Queue", ResourceType = "AWS::SQS::Queue",
            Action = ProviderAction.Create, ClientToken = "op1", Request = new() { ["desired"] = new JsonObject() }, StartedAt = DateTimeOffset.UnixEpoch,
        };

        await Store.BeginOperationAsync(entry, Resource("r1", "id-1"), "s", null, CancellationToken.None);
        var pending = await Store.GetPendingOperationsAsync("id-1", CancellationToken.None);
        await Store.RecordProgressAsync("op1", "op1-r1", "q-1", CancellationToken.None);
        await Store.CompleteOperationAsync("op1", true, new() { ["status"] = "Success" },
            Resource("r1", "id-1", ResourceStatus.CreateComplete) with { PhysicalId = "q-1" }, false, "s", null, CancellationToken.None);

        Assert.Equal("op1", Assert.Single(pending).OperationId);
        Assert.Empty(await Store.GetPendingOperationsAsync("id-1", CancellationToken.None));
        var journal = Assert.Single(await Store.GetJournalAsync("id-1", CancellationToken.None));
        Assert.Equal((JournalState.Succeeded, "op1-r1", "q-1"), (journal.State, journal.ClientToken, journal.PhysicalId));
        var resource = Assert.Single(await Store.GetResourcesAsync("id-1", CancellationToken.None));
        Assert.Equal((ResourceStatus.CreateComplete, "q-1"), (resource.Status, resource.PhysicalId));
        Assert.Equal(["Topic"], resource.DependsOn);
    }

    [Fact]
    public async Task GetResourcesAsync_RecordSaved_ReturnsTheSameJsonValues()
    {
        await Store.InsertStackAsync(Stack("s", "id-1"), CancellationToken.None);
        var saved = Resource("r1", "id-1") with
        {
            Model = StoredJson.From(new() { ["DelaySeconds"] = 5, ["Arn"] = "arn:aws:sqs:us-east-1:1:q" }),
            Metadata = StoredJson.From(new() { ["Note"] = "kept" }),
        };
        await Store.SaveResourceAsync(saved, "s", null, CancellationToken.None);

        var loaded = Assert.Single(await Store.GetResourcesAsync("id-1", CancellationToken.None));

        Assert.Equal(saved.Properties, loaded.Properties);
        Assert.Equal(saved.Model, loaded.Model);
        Assert.Equal(saved.Metadata, loaded.Metadata);
    }

    [Fact]
    public async Task GetResourcesAsync_ColumnCorrupted_NamesTheRecordAndColumn()
    {
        await Store.InsertStackAsync(Stack("s", "id-1"), CancellationToken.None);
        await Store.SaveResourceAsync(Resource("r1", "id-1"), "s", null, CancellationToken.None);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Store.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE resources SET model = '[1, 2' WHERE record_id = 'r1'";
            command.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Store.GetResourcesAsync("id-1", CancellationToken.None));

        Assert.Contains("resources.model of record r1", error.Message);
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_LiveHolder_RefusesAndNamesIt()
    {
        var first = new StackLease("s", "owner-1", 111, "host", "up", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var second = first with { OwnerId = "owner-2", ProcessId = 222 };

        Assert.Null(await Store.TryAcquireLeaseAsync(first, TimeSpan.FromMinutes(5), _ => true, CancellationToken.None));
        var holder = await Store.TryAcquireLeaseAsync(second, TimeSpan.FromMinutes(5), _ => true, CancellationToken.None);

        Assert.Equal(111, holder!.ProcessId);
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_HolderProcessDead_TakesOver()
    {
        var first = new StackLease("s", "owner-1", 111, "host", "up", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        await Store.TryAcquireLeaseAsync(first, TimeSpan.FromMinutes(5), _ => true, CancellationToken.None);

        var holder = await Store.TryAcquireLeaseAsync(first with { OwnerId = "owner-2", ProcessId = 222 }, TimeSpan.FromMinutes(5), pid => pid != 111, CancellationToken.None);

        Assert.Null(holder);
        Assert.False(await Store.HeartbeatLeaseAsync("s", "owner-1", CancellationToken.None));
        Assert.True(await Store.HeartbeatLeaseAsync("s", "owner-2", CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_HeartbeatStale_TakesOverEvenOnAnotherHost()
    {
        var first = new StackLease("s", "owner-1", 111, "other-host", "up", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        await Store.TryAcquireLeaseAsync(first, TimeSpan.Zero, _ => true, CancellationToken.None);
        await Task.Delay(20);

        var holder = await Store.TryAcquireLeaseAsync(first with { OwnerId = "owner-2", Host = "host" }, TimeSpan.FromMilliseconds(1), _ => true, CancellationToken.None);

        Assert.Null(holder);
    }

    [Fact]
    public async Task ReplaceExportsAsync_NameOwnedByAnotherStack_ChangesNothingAndNamesTheOwner()
    {
        await Store.ReplaceExportsAsync("stack-a", "acct/us-east-1", new Dictionary<string, string> { ["vpc"] = "vpc-1" }, CancellationToken.None);

        var conflict = await Store.ReplaceExportsAsync("stack-b", "acct/us-east-1", new Dictionary<string, string> { ["vpc"] = "vpc-2", ["other"] = "x" }, CancellationToken.None);
        var otherRegion = await Store.ReplaceExportsAsync("stack-b", "acct/eu-west-1", new Dictionary<string, string> { ["vpc"] = "vpc-3" }, CancellationToken.None);

        Assert.Equal("stack-a", conflict!.StackId);
        Assert.Null(otherRegion);
        Assert.Null(await Store.GetExportAsync("acct/us-east-1", "other", CancellationToken.None));
        Assert.Equal("vpc-1", (await Store.GetExportAsync("acct/us-east-1", "vpc", CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task SetImportsAsync_ImportersListedExceptTheAskingStack()
    {
        await Store.SetImportsAsync("b", "scope", ["vpc", "vpc"], CancellationToken.None);
        await Store.SetImportsAsync("c", "scope", ["vpc"], CancellationToken.None);

        Assert.Equal(["c"], await Store.GetImportersAsync("scope", "vpc", "b", CancellationToken.None));

        await Store.SetImportsAsync("c", "scope", [], CancellationToken.None);
        Assert.Empty(await Store.GetImportersAsync("scope", "vpc", "b", CancellationToken.None));
    }

    [Fact]
    public async Task AddSignalAsync_SameUniqueId_ReplacesTheEarlierSignal()
    {
        await Store.AddSignalAsync("h", new WaitSignal("u1", "FAILURE", "first", null, DateTimeOffset.UnixEpoch), CancellationToken.None);
        await Store.AddSignalAsync("h", new WaitSignal("u1", "SUCCESS", "second", "d", DateTimeOffset.UnixEpoch.AddSeconds(1)), CancellationToken.None);

        var signal = Assert.Single(await Store.GetSignalsAsync("h", CancellationToken.None));
        Assert.True(signal.IsSuccess);
        Assert.Equal("d", signal.Data);
    }

    [Fact]
    public void Open_SecondStoreOnTheSameFile_SeesTheFirstOnesWrites()
    {
        Store.InsertStackAsync(Stack("shared", "id-9"), CancellationToken.None).GetAwaiter().GetResult();
        using var other = StateStore.Open(StoreDirectory);

        Assert.NotNull(other.GetStackAsync("shared", CancellationToken.None).GetAwaiter().GetResult());
    }
}
