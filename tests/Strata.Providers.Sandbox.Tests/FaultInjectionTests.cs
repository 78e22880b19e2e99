using System.Text.Json.Nodes;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Settings;

namespace Strata.Providers.Sandbox.Tests;

public sealed class FaultInjectionTests : IDisposable
{
    private readonly TestCloud _test = new(new() { Seed = 41, Speed = 1 });

    public void Dispose() => _test.Dispose();

    private Task<ProgressEvent> StartCreate(JsonObject rules, string type = "AWS::S3::Bucket", JsonObject? properties = null) =>
        _test.Provider.CreateAsync(TestCloud.Request(type, "Thing", properties, TestCloud.Faults(rules)), CancellationToken.None);

    [Fact]
    public async Task CreateAsync_CreateSeconds_TakesThatLong()
    {
        var started = await StartCreate(new() { ["CreateSeconds"] = 42 });

        Assert.Equal(OperationStatus.InProgress, started.Status);
        Assert.Equal(TimeSpan.FromSeconds(42), started.RetryAfter);
    }

    [Fact]
    public async Task CreateAsync_CreateSecondsAtSpeed100_Scaled()
    {
        using var fast = new TestCloud(new() { Seed = 1, Speed = 100 });

        var started = await fast.Provider.CreateAsync(
            TestCloud.Request("AWS::S3::Bucket", "B", metadata: TestCloud.Faults(new() { ["CreateSeconds"] = 30 })), CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(300), started.RetryAfter);
    }

    [Fact]
    public async Task CreateAsync_CreateSecondsZero_CompletesAtOnce()
    {
        var result = await StartCreate(new() { ["CreateSeconds"] = 0 }, "AWS::RDS::DBInstance", new() { ["Engine"] = "mysql", ["DBInstanceClass"] = "db.t3.micro" });

        Assert.Equal(OperationStatus.Success, result.Status);
    }

    [Fact]
    public async Task CreateAsync_Fail_FailsWhenItWouldHaveFinishedWithCodeAndMessage()
    {
        var started = await StartCreate(new() { ["CreateSeconds"] = 3, ["Fail"] = "ServiceLimitExceeded", ["Message"] = "no more buckets today" });
        Assert.Equal(OperationStatus.InProgress, started.Status);

        var result = await _test.FinishAsync(started);
        var list = await _test.Provider.ListAsync("AWS::S3::Bucket", null, CancellationToken.None);

        Assert.Equal(OperationStatus.Failed, result.Status);
        Assert.Equal(HandlerErrorCode.ServiceLimitExceeded, result.ErrorCode);
        Assert.Equal("no more buckets today", result.Message);
        Assert.Empty(list.PhysicalIds);
    }

    [Fact]
    public async Task CreateAsync_FailWithoutMessage_DefaultMessageNamesResource()
    {
        var result = await _test.FinishAsync(await StartCreate(new() { ["Fail"] = "GeneralServiceException" }));

        Assert.Equal(HandlerErrorCode.GeneralServiceException, result.ErrorCode);
        Assert.Contains("Thing", result.Message);
        Assert.Contains("Strata::Sandbox", result.Message);
    }

    [Fact]
    public async Task CreateAsync_FailOnUpdate_CreateSucceeds()
    {
        var result = await _test.FinishAsync(await StartCreate(new() { ["Fail"] = "NotStabilized", ["FailOn"] = "Update" }));

        Assert.Equal(OperationStatus.Success, result.Status);
    }

    [Fact]
    public async Task UpdateAsync_FailOnUpdateWithUpdateSeconds_FailsAfterThemAndKeepsOldProperties()
    {
        var rules = TestCloud.Faults(new() { ["Fail"] = "NotStabilized", ["FailOn"] = "Update", ["UpdateSeconds"] = 7 });
        var created = await _test.FinishAsync(await _test.Provider.CreateAsync(
            TestCloud.Request("AWS::SQS::Queue", "Queue", new() { ["DelaySeconds"] = 1 }, rules), CancellationToken.None));

        var updating = await _test.Provider.UpdateAsync(
            TestCloud.Request("AWS::SQS::Queue", "Queue", new() { ["DelaySeconds"] = 9 }, rules, created.PhysicalId), CancellationToken.None);
        var result = await _test.FinishAsync(updating);
        var read = await _test.Provider.ReadAsync(TestCloud.Request("AWS::SQS::Queue", "Queue", physicalId: created.PhysicalId), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(7), updating.RetryAfter);
        Assert.Equal(HandlerErrorCode.NotStabilized, result.ErrorCode);
        Assert.Equal(1, read.ResourceModel!["DelaySeconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task DeleteAsync_FailOnDeleteWithDeleteSeconds_FailsAndResourceRemains()
    {
        var rules = TestCloud.Faults(new() { ["Fail"] = "ResourceConflict", ["FailOn"] = "Delete", ["DeleteSeconds"] = 4, ["Message"] = "bucket not empty" });
        var created = await _test.FinishAsync(await _test.Provider.CreateAsync(TestCloud.Request("AWS::S3::Bucket", "Bucket", metadata: rules), CancellationToken.None));

        var deleting = await _test.Provider.DeleteAsync(TestCloud.Request("AWS::S3::Bucket", "Bucket", metadata: rules, physicalId: created.PhysicalId), CancellationToken.None);
        var result = await _test.FinishAsync(deleting);
        var read = await _test.Provider.ReadAsync(TestCloud.Request("AWS::S3::Bucket", "Bucket", physicalId: created.PhysicalId), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(4), deleting.RetryAfter);
        Assert.Equal(HandlerErrorCode.ResourceConflict, result.ErrorCode);
        Assert.Equal("bucket not empty", result.Message);
        Assert.Equal(OperationStatus.Success, read.Status);
    }

    [Fact]
    public async Task CreateAsync_Hang_NeverCompletes()
    {
        var started = await StartCreate(new() { ["Hang"] = true });

        _test.Time.Advance(TimeSpan.FromDays(3));
        var later = await _test.Provider.GetStatusAsync(started.RequestToken!, CancellationToken.None);

        Assert.Equal(OperationStatus.InProgress, later.Status);
        Assert.NotNull(later.RetryAfter);
    }

    [Fact]
    public async Task DeleteAsync_HangOnDelete_NeverCompletesAndResourceRemains()
    {
        var rules = TestCloud.Faults(new() { ["Hang"] = true, ["FailOn"] = "Delete" });
        var created = await _test.FinishAsync(await _test.Provider.CreateAsync(TestCloud.Request("AWS::S3::Bucket", "Bucket", metadata: rules), CancellationToken.None));

        var deleting = await _test.Provider.DeleteAsync(TestCloud.Request("AWS::S3::Bucket", "Bucket", metadata: rules, physicalId: created.PhysicalId), CancellationToken.None);
        _test.Time.Advance(TimeSpan.FromHours(6));
        var later = await _test.Provider.GetStatusAsync(deleting.RequestToken!, CancellationToken.None);
        await _test.Provider.CancelAsync(deleting.RequestToken!, CancellationToken.None);
        var read = await _test.Provider.ReadAsync(TestCloud.Request("AWS::S3::Bucket", "Bucket", physicalId: created.PhysicalId), CancellationToken.None);

        Assert.Equal(OperationStatus.Success, created.Status);
        Assert.Equal(OperationStatus.InProgress, later.Status);
        Assert.Equal(OperationStatus.Success, read.Status);
    }

    [Fact]
    public async Task CancelAsync_HungCreate_FailsAndLeavesNothingBehind()
    {
        var started = await StartCreate(new() { ["Hang"] = true });

        await _test.Provider.CancelAsync(started.RequestToken!, CancellationToken.None);
        var status = await _test.Provider.GetStatusAsync(started.RequestToken!, CancellationToken.None);
        var read = await _test.Provider.ReadAsync(TestCloud.Request("AWS::S3::Bucket", "Thing", physicalId: started.PhysicalId), CancellationToken.None);

        Assert.Equal(OperationStatus.Failed, status.Status);
        Assert.Contains("cancelled", status.Message);
        Assert.Equal(HandlerErrorCode.NotFound, read.ErrorCode);
    }

    [Fact]
    public async Task DeleteAsync_HungCreate_AbandonsCreateAndDeletes()
    {
        var started = await StartCreate(new() { ["Hang"] = true });

        var deleted = await _test.DeleteAsync("AWS::S3::Bucket", "Thing", started.PhysicalId!);
        var create = await _test.Provider.GetStatusAsync(started.RequestToken!, CancellationToken.None);

        Assert.Equal(OperationStatus.Success, deleted.Status);
        Assert.Equal(OperationStatus.Failed, create.Status);
    }

    [Fact]
    public async Task CreateAsync_ThrottlingFailTimes_RefusedAtOnceThenSucceeds()
    {
        var rules = new JsonObject { ["Fail"] = "Throttling", ["FailTimes"] = 2 };

        var first = await StartCreate(rules);
        var second = await StartCreate(rules);
        var third = await _test.FinishAsync(await StartCreate(rules));

        Assert.Equal(HandlerErrorCode.Throttling, first.ErrorCode);
        Assert.NotNull(first.RetryAfter);
        Assert.Equal(HandlerErrorCode.Throttling, second.ErrorCode);
        Assert.Equal(OperationStatus.Success, third.Status);
    }

    [Fact]
    public async Task CreateAsync_ThrottledWithSameClientToken_RetrySucceeds()
    {
        var request = TestCloud.Request("AWS::S3::Bucket", "Thing", metadata: TestCloud.Faults(new() { ["Fail"] = "Throttling", ["FailTimes"] = 1 }));

        var first = await _test.Provider.CreateAsync(request, CancellationToken.None);
        var retry = await _test.FinishAsync(await _test.Provider.CreateAsync(request, CancellationToken.None));

        Assert.Equal(HandlerErrorCode.Throttling, first.ErrorCode);
        Assert.Equal(OperationStatus.Success, retry.Status);
    }

    [Fact]
    public async Task CreateAsync_NonRetryableFailTimes_FailsThenSucceedsOnNextAttempt()
    {
        var rules = new JsonObject { ["Fail"] = "InternalFailure", ["FailTimes"] = 1, ["CreateSeconds"] = 1 };

        var first = await _test.FinishAsync(await StartCreate(rules));
        var second = await _test.FinishAsync(await StartCreate(rules));

        Assert.Equal(HandlerErrorCode.InternalFailure, first.ErrorCode);
        Assert.Equal(OperationStatus.Success, second.Status);
    }

    [Fact]
    public async Task CreateAsync_BadFaultRule_InvalidRequestNamingKey()
    {
        var result = await StartCreate(new() { ["FailOn"] = "Sometimes" });

        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("Metadata.Strata::Sandbox.FailOn", result.Message);
    }

    [Fact]
    public async Task DeleteAsync_BadFaultRule_StillDeletes()
    {
        var created = await _test.CreateOkAsync("AWS::S3::Bucket", "Bucket");

        var result = await _test.DeleteAsync("AWS::S3::Bucket", "Bucket", created.PhysicalId!, TestCloud.Faults(new() { ["Fail"] = "Nope" }));

        Assert.Equal(OperationStatus.Success, result.Status);
    }

    [Fact]
    public async Task CreateAsync_SettingsFaultsForType_AppliedToEveryResourceOfIt()
    {
        using var test = new TestCloud(new SandboxSettings
        {
            Seed = 1,
            Speed = 1,
            Faults = new Dictionary<string, JsonObject> { ["AWS::SQS::Queue"] = new() { ["Fail"] = "AccessDenied", ["CreateSeconds"] = 2 } },
        });

        var queue = await test.CreateAsync("AWS::SQS::Queue", "Queue");
        var bucket = await test.CreateAsync("AWS::S3::Bucket", "Bucket");

        Assert.Equal(HandlerErrorCode.AccessDenied, queue.ErrorCode);
        Assert.Equal(OperationStatus.Success, bucket.Status);
    }
}
