using Strata.Engine.Providers;

namespace Strata.Providers.Sandbox.Tests;

public sealed class PersistenceTests : IDisposable
{
    private readonly TestCloud _test = new(new() { Seed = 51, Speed = 1 });

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task GetStatusAsync_OperationStartedByAnotherCloud_CompletesFromThisOne()
    {
        var started = await _test.Provider.CreateAsync(TestCloud.Request("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1" }), CancellationToken.None);
        using var other = _test.Reopen();

        _test.Time.Advance(started.RetryAfter!.Value);
        var done = await other.Provider.GetStatusAsync(started.RequestToken!, CancellationToken.None);

        Assert.Equal(OperationStatus.Success, done.Status);
        Assert.Equal(started.PhysicalId, done.PhysicalId);
    }

    [Fact]
    public async Task GetStatusAsync_AfterStartingCloudClosed_CompletesFromNewOne()
    {
        using var first = new TestCloud(new() { Seed = 5, Speed = 1 });
        var started = await first.Provider.CreateAsync(
            TestCloud.Request("AWS::RDS::DBInstance", "Db", new() { ["Engine"] = "mysql", ["DBInstanceClass"] = "db.t3.micro" }), CancellationToken.None);
        first.Cloud.Dispose();

        using var restarted = first.Reopen();
        first.Time.Advance(TimeSpan.FromMinutes(5));
        var stillRunning = await restarted.Provider.GetStatusAsync(started.RequestToken!, CancellationToken.None);
        first.Time.Advance(TimeSpan.FromMinutes(5));
        var done = await restarted.Provider.GetStatusAsync(started.RequestToken!, CancellationToken.None);

        Assert.Equal(OperationStatus.InProgress, started.Status);
        Assert.Equal(OperationStatus.InProgress, stillRunning.Status);
        Assert.Equal(OperationStatus.Success, done.Status);
        Assert.Equal(started.PhysicalId, done.PhysicalId);
    }

    [Fact]
    public async Task ReadAndDeleteAsync_ResourceCreatedByAnotherCloud_Visible()
    {
        var created = await _test.CreateOkAsync("AWS::SQS::Queue", "Queue");
        using var other = _test.Reopen();

        var read = await other.Provider.ReadAsync(TestCloud.Request("AWS::SQS::Queue", "Queue", physicalId: created.PhysicalId), CancellationToken.None);
        var deleting = await other.Provider.DeleteAsync(TestCloud.Request("AWS::SQS::Queue", "Queue", physicalId: created.PhysicalId), CancellationToken.None);
        _test.Time.Advance(deleting.RetryAfter ?? TimeSpan.Zero);
        var deleted = await _test.Provider.GetStatusAsync(deleting.RequestToken!, CancellationToken.None);
        var list = await _test.Provider.ListAsync("AWS::SQS::Queue", null, CancellationToken.None);

        Assert.Equal(created.ResourceModel!.ToJsonString(), read.ResourceModel!.ToJsonString());
        Assert.Equal(OperationStatus.Success, deleted.Status);
        Assert.Empty(list.PhysicalIds);
    }

    [Fact]
    public async Task Open_AfterDispose_StateAndSeedSurvive()
    {
        using var first = new TestCloud(new() { Speed = 1 });
        var created = await first.CreateOkAsync("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1" });
        var seed = first.Cloud.Seed;
        first.Cloud.Dispose();

        using var reopened = first.Reopen();
        var read = await reopened.Provider.ReadAsync(TestCloud.Request("AWS::EC2::Instance", "Vm", physicalId: created.PhysicalId), CancellationToken.None);

        Assert.Equal(seed, reopened.Seed);
        Assert.Equal(OperationStatus.Success, read.Status);
        Assert.Equal(created.ResourceModel!["VpcId"]!.GetValue<string>(), read.ResourceModel!["VpcId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListResourcesAsync_ByStack_ShowsStackResourcesWithPower()
    {
        await _test.CreateOkAsync("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1" });
        await _test.CreateOkAsync("AWS::S3::Bucket", "Bucket", stack: "other");

        var resources = await _test.Cloud.ListResourcesAsync(TestCloud.Stack);

        var only = Assert.Single(resources);
        Assert.Equal("Vm", only.LogicalId);
        Assert.Equal(Power.PowerState.Running, only.Power);
    }

    [Fact]
    public async Task ListAsync_ManyResources_PagedByHundred()
    {
        using var fast = new TestCloud(new() { Seed = 1, Speed = 1_000_000 });
        for (var i = 0; i < 150; i++)
        {
            await fast.CreateOkAsync("AWS::SNS::Topic", $"Topic{i}");
        }

        var first = await fast.Provider.ListAsync("AWS::SNS::Topic", null, CancellationToken.None);
        var second = await fast.Provider.ListAsync("AWS::SNS::Topic", first.NextToken, CancellationToken.None);

        Assert.Equal(100, first.PhysicalIds.Count);
        Assert.NotNull(first.NextToken);
        Assert.Equal(50, second.PhysicalIds.Count);
        Assert.Null(second.NextToken);
        Assert.Equal(150, first.PhysicalIds.Concat(second.PhysicalIds).Distinct().Count());
    }
}
