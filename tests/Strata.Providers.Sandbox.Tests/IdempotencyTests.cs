using Strata.Engine.Providers;

namespace Strata.Providers.Sandbox.Tests;

public sealed class IdempotencyTests : IDisposable
{
    private readonly TestCloud _test = new(new() { Seed = 61, Speed = 1 });

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task CreateAsync_SameClientTokenWhileInProgress_SameOperationNoSecondResource()
    {
        var request = TestCloud.Request("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1" });

        var first = await _test.Provider.CreateAsync(request, CancellationToken.None);
        var again = await _test.Provider.CreateAsync(request, CancellationToken.None);
        _test.Time.Advance(TimeSpan.FromMinutes(2));
        var list = await _test.Provider.ListAsync("AWS::EC2::Instance", null, CancellationToken.None);

        Assert.Equal(first.RequestToken, again.RequestToken);
        Assert.Equal(first.PhysicalId, again.PhysicalId);
        Assert.Equal([first.PhysicalId!], list.PhysicalIds);
    }

    [Fact]
    public async Task CreateAsync_SameClientTokenAfterCompletion_ReturnsSameResource()
    {
        var request = TestCloud.Request("AWS::S3::Bucket", "Bucket");
        var first = await _test.FinishAsync(await _test.Provider.CreateAsync(request, CancellationToken.None));

        var again = await _test.Provider.CreateAsync(request, CancellationToken.None);

        Assert.Equal(OperationStatus.Success, again.Status);
        Assert.Equal(first.PhysicalId, again.PhysicalId);
        Assert.Equal(first.ResourceModel!.ToJsonString(), again.ResourceModel!.ToJsonString());
        Assert.Single((await _test.Provider.ListAsync("AWS::S3::Bucket", null, CancellationToken.None)).PhysicalIds);
    }

    [Fact]
    public async Task CreateAsync_SameClientTokenFromAnotherProcessAfterRestart_NoDuplicate()
    {
        // The engine journals the token, dies, and a new process resumes with the same token.
        var request = TestCloud.Request("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1" });
        var first = await _test.Provider.CreateAsync(request, CancellationToken.None);
        using var resumed = _test.Reopen();

        var again = await resumed.Provider.CreateAsync(request, CancellationToken.None);
        _test.Time.Advance(TimeSpan.FromMinutes(2));
        var done = await resumed.Provider.GetStatusAsync(again.RequestToken!, CancellationToken.None);

        Assert.Equal(first.PhysicalId, done.PhysicalId);
        Assert.Equal(OperationStatus.Success, done.Status);
        Assert.Single((await resumed.Provider.ListAsync("AWS::EC2::Instance", null, CancellationToken.None)).PhysicalIds);
    }

    [Fact]
    public async Task CreateAsync_SameClientTokenFailedCreate_ReturnsSameFailure()
    {
        var request = TestCloud.Request("AWS::S3::Bucket", "Bucket", metadata: TestCloud.Faults(new() { ["Fail"] = "NotStabilized", ["CreateSeconds"] = 1 }));
        var failed = await _test.FinishAsync(await _test.Provider.CreateAsync(request, CancellationToken.None));

        var again = await _test.Provider.CreateAsync(request, CancellationToken.None);

        Assert.Equal(OperationStatus.Failed, again.Status);
        Assert.Equal(failed.ErrorCode, again.ErrorCode);
        Assert.Empty((await _test.Provider.ListAsync("AWS::S3::Bucket", null, CancellationToken.None)).PhysicalIds);
    }

    [Fact]
    public async Task DeleteAsync_SameClientTokenTwice_SameOperation()
    {
        var created = await _test.CreateOkAsync("AWS::SQS::Queue", "Queue");
        var request = TestCloud.Request("AWS::SQS::Queue", "Queue", physicalId: created.PhysicalId);

        var first = await _test.FinishAsync(await _test.Provider.DeleteAsync(request, CancellationToken.None));
        var again = await _test.Provider.DeleteAsync(request, CancellationToken.None);

        Assert.Equal(OperationStatus.Success, first.Status);
        Assert.Equal(OperationStatus.Success, again.Status);
        Assert.Equal(first.RequestToken, again.RequestToken);
    }

    [Fact]
    public async Task DeleteAsync_AlreadyDeleted_NotFound()
    {
        var created = await _test.CreateOkAsync("AWS::SQS::Queue", "Queue");
        await _test.DeleteAsync("AWS::SQS::Queue", "Queue", created.PhysicalId!);

        var again = await _test.DeleteAsync("AWS::SQS::Queue", "Queue", created.PhysicalId!);

        Assert.Equal(HandlerErrorCode.NotFound, again.ErrorCode);
    }

    [Fact]
    public async Task DeleteAsync_WhileDeletingWithNewToken_ReportsRunningDelete()
    {
        var created = await _test.CreateOkAsync("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1" });

        var first = await _test.Provider.DeleteAsync(TestCloud.Request("AWS::EC2::Instance", "Vm", physicalId: created.PhysicalId), CancellationToken.None);
        var second = await _test.Provider.DeleteAsync(TestCloud.Request("AWS::EC2::Instance", "Vm", physicalId: created.PhysicalId), CancellationToken.None);

        Assert.Equal(OperationStatus.InProgress, second.Status);
        Assert.Equal(first.RequestToken, second.RequestToken);
    }
}
