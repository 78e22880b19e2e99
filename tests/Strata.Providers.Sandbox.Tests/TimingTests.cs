using System.Text.Json.Nodes;
using Strata.Engine.Providers;

namespace Strata.Providers.Sandbox.Tests;

public sealed class TimingTests
{
    private static async Task<ProgressEvent> Start(TestCloud test, string type, JsonObject? properties = null, JsonObject? metadata = null) =>
        await test.Provider.CreateAsync(TestCloud.Request(type, "Thing", properties, metadata), CancellationToken.None);

    [Fact]
    public async Task CreateAsync_InstanceAtRealSpeed_InProgressForThirtyToSixtySeconds()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1 });

        var started = await Start(test, "AWS::EC2::Instance", new() { ["ImageId"] = "ami-1" });

        Assert.Equal(OperationStatus.InProgress, started.Status);
        Assert.NotNull(started.RequestToken);
        Assert.InRange(started.RetryAfter!.Value, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));
        Assert.Matches("^i-0[0-9a-f]{16}$", started.PhysicalId);

        test.Time.Advance(started.RetryAfter.Value - TimeSpan.FromSeconds(1));
        var before = await test.Provider.GetStatusAsync(started.RequestToken!, CancellationToken.None);
        Assert.Equal(OperationStatus.InProgress, before.Status);
        Assert.InRange(before.RetryAfter!.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));

        test.Time.Advance(TimeSpan.FromSeconds(1));
        var done = await test.Provider.GetStatusAsync(started.RequestToken!, CancellationToken.None);
        Assert.Equal(OperationStatus.Success, done.Status);
        Assert.Equal(started.PhysicalId, done.PhysicalId);
        Assert.Equal("running", done.ResourceModel!["State"]!["Name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("AWS::RDS::DBInstance", 300, 600)]
    [InlineData("AWS::IAM::Role", 8, 12)]
    [InlineData("AWS::S3::Bucket", 2, 4)]
    [InlineData("AWS::SQS::Queue", 1, 2)]
    [InlineData("AWS::CloudFront::Distribution", 180, 300)]
    [InlineData("AWS::Glue::Database", 2, 5)]
    public async Task CreateAsync_TypeBaseline_TakesRealisticTime(string type, double minSeconds, double maxSeconds)
    {
        using var test = new TestCloud(new() { Seed = 2, Speed = 1 });
        Assert.True(Strata.Templates.Spec.ResourceSpecification.Default.TryGetType(type, out var spec));

        var started = await Start(test, type, MinimalProperties.For(spec));

        Assert.Equal(OperationStatus.InProgress, started.Status);
        Assert.InRange(started.RetryAfter!.Value.TotalSeconds, minSeconds, maxSeconds);
    }

    [Fact]
    public async Task CreateAsync_Speed1000_ThousandTimesFaster()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1000 });

        var started = await Start(test, "AWS::RDS::DBInstance", new() { ["Engine"] = "mysql", ["DBInstanceClass"] = "db.t3.micro" });

        Assert.InRange(started.RetryAfter!.Value.TotalMilliseconds, 300, 600);
    }

    [Fact]
    public async Task CreateAsync_VeryHighSpeed_CompletesInTheFirstCall()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 10_000_000 });

        var result = await Start(test, "AWS::S3::Bucket");

        Assert.Equal(OperationStatus.Success, result.Status);
    }

    [Fact]
    public async Task CreateAsync_SameSeed_SameDuration()
    {
        using var first = new TestCloud(new() { Seed = 8, Speed = 1 });
        using var second = new TestCloud(new() { Seed = 8, Speed = 1 });

        var a = await Start(first, "AWS::EC2::Instance", new() { ["ImageId"] = "ami-1" });
        var b = await Start(second, "AWS::EC2::Instance", new() { ["ImageId"] = "ami-1" });

        Assert.Equal(a.RetryAfter, b.RetryAfter);
    }

    [Fact]
    public async Task GetStatusAsync_PolledLate_CompletesAtDueTimeNotPollTime()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1 });
        var started = await Start(test, "AWS::EC2::NatGateway", new() { ["SubnetId"] = "subnet-0123456789abcdef0" });

        test.Time.Advance(TimeSpan.FromHours(1) + started.RetryAfter!.Value);
        await test.Provider.GetStatusAsync(started.RequestToken!, CancellationToken.None);
        var cost = await test.Cloud.CostForStackAsync(TestCloud.Stack, test.Time.GetUtcNow().AddHours(-2), test.Time.GetUtcNow());

        // NAT gateways cost $0.045/h; it has run for exactly one hour since it became available.
        Assert.Equal(0.045, cost.TotalUsd, 6);
    }

    [Fact]
    public async Task GetStatusAsync_UnknownToken_NotFound()
    {
        using var test = new TestCloud();

        var result = await test.Provider.GetStatusAsync("no-such-token", CancellationToken.None);

        Assert.Equal(HandlerErrorCode.NotFound, result.ErrorCode);
    }

    [Fact]
    public async Task DeleteAsync_AtRealSpeed_InProgressThenGone()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1 });
        var created = await test.CreateOkAsync("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1" });

        var deleting = await test.Provider.DeleteAsync(TestCloud.Request("AWS::EC2::Instance", "Vm", physicalId: created.PhysicalId), CancellationToken.None);
        Assert.Equal(OperationStatus.InProgress, deleting.Status);
        var stillThere = await test.Provider.ReadAsync(TestCloud.Request("AWS::EC2::Instance", "Vm", physicalId: created.PhysicalId), CancellationToken.None);
        var deleted = await test.FinishAsync(deleting);
        var gone = await test.Provider.ReadAsync(TestCloud.Request("AWS::EC2::Instance", "Vm", physicalId: created.PhysicalId), CancellationToken.None);

        Assert.Equal(OperationStatus.Success, stillThere.Status);
        Assert.Equal(OperationStatus.Success, deleted.Status);
        Assert.Equal(HandlerErrorCode.NotFound, gone.ErrorCode);
    }
}
