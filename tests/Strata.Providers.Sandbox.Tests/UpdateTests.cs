using System.Text.Json.Nodes;
using Strata.Engine.Providers;
using Strata.Templates.Spec;

namespace Strata.Providers.Sandbox.Tests;

public sealed class UpdateTests : IDisposable
{
    private readonly TestCloud _test = new(new() { Seed = 81, Speed = 1_000_000 });

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task UpdateAsync_MutableProperty_AppliedAndGeneratedAttributesKept()
    {
        var created = await _test.CreateOkAsync("AWS::SQS::Queue", "Queue", new() { ["VisibilityTimeout"] = 30 });

        var updated = await _test.UpdateAsync("AWS::SQS::Queue", "Queue", created.PhysicalId!, new() { ["VisibilityTimeout"] = 90 });

        Assert.Equal(OperationStatus.Success, updated.Status);
        Assert.Equal(created.PhysicalId, updated.PhysicalId);
        Assert.Equal(90, updated.ResourceModel!["VisibilityTimeout"]!.GetValue<int>());
        Assert.Equal(created.ResourceModel!["Arn"]!.GetValue<string>(), updated.ResourceModel["Arn"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateAsync_RemovedProperty_GoneFromModel()
    {
        var created = await _test.CreateOkAsync("AWS::SQS::Queue", "Queue", new() { ["DelaySeconds"] = 5 });

        var updated = await _test.UpdateAsync("AWS::SQS::Queue", "Queue", created.PhysicalId!, []);

        Assert.Null(updated.ResourceModel!["DelaySeconds"]);
        Assert.NotNull(updated.ResourceModel["QueueUrl"]);
    }

    [Fact]
    public async Task UpdateAsync_PropertyRequiringReplacement_NotUpdatable()
    {
        Assert.True(ResourceSpecification.Default.TryGetType("AWS::SQS::Queue", out var spec));
        Assert.Equal(Replacement.Immutable, spec.Properties["QueueName"].Replacement);
        var created = await _test.CreateOkAsync("AWS::SQS::Queue", "Queue", new() { ["QueueName"] = "a" });

        var updated = await _test.UpdateAsync("AWS::SQS::Queue", "Queue", created.PhysicalId!, new() { ["QueueName"] = "b" });

        Assert.Equal(HandlerErrorCode.NotUpdatable, updated.ErrorCode);
        Assert.Contains("'QueueName'", updated.Message);
    }

    [Fact]
    public async Task UpdateAsync_UnknownResource_NotFound()
    {
        var updated = await _test.UpdateAsync("AWS::SQS::Queue", "Queue", "https://sqs.us-east-1.amazonaws.com/123456789012/nope", []);

        Assert.Equal(HandlerErrorCode.NotFound, updated.ErrorCode);
    }

    [Fact]
    public async Task UpdateAsync_WhileAnotherUpdateRuns_ResourceConflict()
    {
        using var slow = new TestCloud(new() { Seed = 1, Speed = 1 });
        var created = await slow.CreateOkAsync("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1", ["InstanceType"] = "t3.micro" });
        var first = await slow.Provider.UpdateAsync(
            TestCloud.Request("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1", ["InstanceType"] = "t3.small" }, physicalId: created.PhysicalId), CancellationToken.None);

        var second = await slow.Provider.UpdateAsync(
            TestCloud.Request("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1", ["InstanceType"] = "t3.large" }, physicalId: created.PhysicalId), CancellationToken.None);

        Assert.Equal(OperationStatus.InProgress, first.Status);
        Assert.Equal(HandlerErrorCode.ResourceConflict, second.ErrorCode);
    }

    [Fact]
    public async Task UpdateAsync_Cancelled_OldPropertiesRemain()
    {
        using var slow = new TestCloud(new() { Seed = 1, Speed = 1 });
        var created = await slow.CreateOkAsync("AWS::SQS::Queue", "Queue", new() { ["DelaySeconds"] = 1 });
        var updating = await slow.Provider.UpdateAsync(TestCloud.Request("AWS::SQS::Queue", "Queue", new() { ["DelaySeconds"] = 2 },
            TestCloud.Faults(new() { ["Hang"] = true, ["FailOn"] = "Update" }), created.PhysicalId), CancellationToken.None);

        await slow.Provider.CancelAsync(updating.RequestToken!, CancellationToken.None);
        var read = await slow.Provider.ReadAsync(TestCloud.Request("AWS::SQS::Queue", "Queue", physicalId: created.PhysicalId), CancellationToken.None);
        var status = await slow.Provider.GetStatusAsync(updating.RequestToken!, CancellationToken.None);

        Assert.Equal(1, read.ResourceModel!["DelaySeconds"]!.GetValue<int>());
        Assert.Equal(HandlerErrorCode.NotStabilized, status.ErrorCode);
    }
}
