using System.Text.Json.Nodes;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Power;

namespace Strata.Providers.Sandbox.Tests;

public sealed class PowerTests : IDisposable
{
    private readonly TestCloud _test = new(new() { Seed = 21, Speed = 1 });

    public void Dispose() => _test.Dispose();

    private Task<ProgressEvent> Read(string type, string physicalId) =>
        _test.Provider.ReadAsync(TestCloud.Request(type, "Vm", physicalId: physicalId), CancellationToken.None);

    [Fact]
    public async Task StopAsync_RunningInstance_StoppingThenStopped()
    {
        var instance = await _test.CreateOkAsync("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1" });

        var stopping = await _test.Cloud.StopAsync(instance.PhysicalId!);
        Assert.Equal(PowerState.Stopping, stopping.State);
        Assert.Equal("stopping", stopping.StateName);
        Assert.NotNull(stopping.ReadyAt);

        _test.Time.Advance(stopping.ReadyAt!.Value - _test.Time.GetUtcNow());
        var stopped = await _test.Cloud.GetPowerAsync(instance.PhysicalId!);
        var model = (await Read("AWS::EC2::Instance", instance.PhysicalId!)).ResourceModel!;

        Assert.Equal(PowerState.Stopped, stopped.State);
        Assert.Equal("stopped", model["State"]!["Name"]!.GetValue<string>());
        Assert.Equal(80, model["State"]!["Code"]!.GetValue<int>());
    }

    [Fact]
    public async Task StartAsync_StoppedInstance_PendingThenRunningWithNewPublicIp()
    {
        var instance = await _test.CreateOkAsync("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1" });
        var publicIpBefore = instance.ResourceModel!["PublicIp"]!.GetValue<string>();
        var stopping = await _test.Cloud.StopAsync(instance.PhysicalId!);
        _test.Time.Advance(TimeSpan.FromMinutes(2));

        var stoppedModel = (await Read("AWS::EC2::Instance", instance.PhysicalId!)).ResourceModel!;
        var pending = await _test.Cloud.StartAsync(instance.PhysicalId!);
        _test.Time.Advance(TimeSpan.FromMinutes(1));
        var running = await _test.Cloud.GetPowerAsync(instance.PhysicalId!);
        var runningModel = (await Read("AWS::EC2::Instance", instance.PhysicalId!)).ResourceModel!;

        Assert.Equal("", stoppedModel["PublicIp"]!.GetValue<string>());
        Assert.Equal(PowerState.Pending, pending.State);
        Assert.Equal(PowerState.Running, running.State);
        Assert.Equal("running", runningModel["State"]!["Name"]!.GetValue<string>());
        Assert.NotEqual("", runningModel["PublicIp"]!.GetValue<string>());
        Assert.NotEqual(publicIpBefore, runningModel["PublicIp"]!.GetValue<string>());
        Assert.Equal(instance.ResourceModel["PrivateIp"]!.GetValue<string>(), runningModel["PrivateIp"]!.GetValue<string>());
    }

    [Fact]
    public async Task StopAsync_AlreadyStopped_NoChange()
    {
        var instance = await _test.CreateOkAsync("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1" });
        await _test.Cloud.StopAsync(instance.PhysicalId!);
        _test.Time.Advance(TimeSpan.FromMinutes(2));

        var again = await _test.Cloud.StopAsync(instance.PhysicalId!);

        Assert.Equal(PowerState.Stopped, again.State);
        Assert.Null(again.ReadyAt);
    }

    [Fact]
    public async Task StartAsync_WhileStopping_IncorrectInstanceState()
    {
        var instance = await _test.CreateOkAsync("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1" });
        await _test.Cloud.StopAsync(instance.PhysicalId!);

        var error = await Assert.ThrowsAsync<SandboxPowerException>(() => _test.Cloud.StartAsync(instance.PhysicalId!));

        Assert.Contains("IncorrectInstanceState", error.Message);
    }

    [Fact]
    public async Task StopAsync_Database_StatusNamesAsRds()
    {
        var db = await _test.CreateOkAsync("AWS::RDS::DBInstance", "Db", new() { ["Engine"] = "mysql", ["DBInstanceClass"] = "db.t3.micro" });
        Assert.Equal("available", db.ResourceModel!["DBInstanceStatus"]!.GetValue<string>());

        var stopping = await _test.Cloud.StopAsync(db.PhysicalId!);
        _test.Time.Advance(TimeSpan.FromMinutes(10));
        var model = (await Read("AWS::RDS::DBInstance", db.PhysicalId!)).ResourceModel!;

        Assert.Equal("stopping", stopping.StateName);
        Assert.Equal("stopped", model["DBInstanceStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task StopAsync_ResourceWithoutPower_Refused()
    {
        var bucket = await _test.CreateOkAsync("AWS::S3::Bucket", "Bucket");

        var error = await Assert.ThrowsAsync<SandboxPowerException>(() => _test.Cloud.StopAsync(bucket.PhysicalId!));

        Assert.Contains("has no power state", error.Message);
    }

    [Fact]
    public async Task StopAsync_UnknownId_Refused()
    {
        var error = await Assert.ThrowsAsync<SandboxPowerException>(() => _test.Cloud.StopAsync("i-0000000000000000"));

        Assert.Contains("no instance or database", error.Message);
    }

    [Fact]
    public async Task StopAsync_InstanceBeingCreated_Refused()
    {
        var started = await _test.Provider.CreateAsync(TestCloud.Request("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1" }), CancellationToken.None);

        var error = await Assert.ThrowsAsync<SandboxPowerException>(() => _test.Cloud.StopAsync(started.PhysicalId!));

        Assert.Contains("while it is creating", error.Message);
    }

    [Fact]
    public async Task ReadAsync_InstanceBeingCreated_StatePending()
    {
        var started = await _test.Provider.CreateAsync(TestCloud.Request("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1" }), CancellationToken.None);

        var model = (await Read("AWS::EC2::Instance", started.PhysicalId!)).ResourceModel!;

        Assert.Equal("pending", model["State"]!["Name"]!.GetValue<string>());
    }
}
