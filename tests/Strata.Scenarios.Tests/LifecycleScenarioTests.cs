using Strata.Engine.Execution;
using Strata.Engine.Model;

namespace Strata.Scenarios.Tests;

/// <summary>Create, update in place, replacement, removal and delete: the event stream against golden files, and the sandbox against the records.</summary>
public class LifecycleScenarioTests
{
    [Fact]
    public async Task Up_NewStack_CreatesInDependencyOrder()
    {
        using var host = new ScenarioHost();

        var result = await host.UpAsync("web", "create", "template.yaml");

        Assert.Equal(OperationOutcome.Succeeded, result.Outcome);
        Assert.Equal(StackStatus.CreateComplete, result.Stack!.Status);
        Golden.Assert("create", "expected.events", await host.EventsTextAsync("web"));
        var cloud = await host.CloudResourcesAsync("web");
        var records = await host.ResourcesAsync("web");
        Assert.Equal(records.Select(r => r.PhysicalId).Order(), cloud.Select(c => c.PhysicalId).Order());
        Assert.Equal(cloud.Single(c => c.LogicalId == "Web").PhysicalId, result.Stack.Outputs.Single(o => o.Key == "InstanceId").Value);
        Assert.StartsWith("10.0.1.", result.Stack.Outputs.Single(o => o.Key == "PrivateIp").Value);
    }

    [Fact]
    public async Task Up_MutablePropertyChanged_UpdatesInPlace()
    {
        using var host = new ScenarioHost();
        await host.UpAsync("queue", "update-in-place", "template.yaml");
        var before = (await host.ResourcesAsync("queue")).Single(r => r.LogicalId == "Queue").PhysicalId;

        var result = await host.UpAsync("queue", "update-in-place", "template.yaml", new Dictionary<string, string> { ["Visibility"] = "60" });

        Assert.Equal(StackStatus.UpdateComplete, result.Stack!.Status);
        var queue = (await host.CloudResourcesAsync("queue")).Single(c => c.LogicalId == "Queue");
        Assert.Equal(before, queue.PhysicalId);
        Assert.Equal("60", queue.Model["VisibilityTimeout"]!.ToString());
        Golden.Assert("update-in-place", "expected.events", await host.EventsTextAsync("queue"));
    }

    [Fact]
    public async Task Up_ImmutablePropertyChanged_ReplacesCreatingNewBeforeDeletingOld()
    {
        using var host = new ScenarioHost();
        await host.UpAsync("net", "replacement", "step1.yaml");
        var oldSubnet = (await host.ResourcesAsync("net")).Single(r => r.LogicalId == "Subnet").PhysicalId;

        var plan = await host.Engine.PlanAsync("net", new Strata.Engine.Definition.TemplateSource(
            File.ReadAllText(ScenarioHost.ScenarioPath("replacement", "step2.yaml")), null), new Dictionary<string, string>(), CancellationToken.None);
        var result = await host.UpAsync("net", "replacement", "step2.yaml");

        Assert.Equal(["Subnet", "Web"], plan.Plan!.Changes.Where(c => c.Action == Strata.Engine.Planning.ChangeAction.Replace).Select(c => c.LogicalId));
        Assert.Equal(StackStatus.UpdateComplete, result.Stack!.Status);
        var cloud = await host.CloudResourcesAsync("net");
        Assert.Equal(3, cloud.Count);
        Assert.DoesNotContain(cloud, c => c.PhysicalId == oldSubnet);
        Assert.Equal("10.0.2.0/24", cloud.Single(c => c.LogicalId == "Subnet").Model["CidrBlock"]!.ToString());
        Golden.Assert("replacement", "expected.events", await host.EventsTextAsync("net"));
    }

    [Fact]
    public async Task Up_ResourceRemovedFromTemplate_DeletesItInReverseOrder()
    {
        using var host = new ScenarioHost();
        await host.UpAsync("bus", "removal", "step1.yaml");

        var result = await host.UpAsync("bus", "removal", "step2.yaml");

        Assert.Equal(StackStatus.UpdateComplete, result.Stack!.Status);
        Assert.Equal(["Queue"], (await host.CloudResourcesAsync("bus")).Select(c => c.LogicalId));
        Golden.Assert("removal", "expected.events", await host.EventsTextAsync("bus"));
    }

    [Fact]
    public async Task Down_RetainPolicy_SkipsTheResourceAndKeepsItInTheCloud()
    {
        using var host = new ScenarioHost();
        await host.UpAsync("keep", "delete-retain", "template.yaml");

        var result = await host.DownAsync("keep");

        Assert.Equal(StackStatus.DeleteComplete, result.Stack!.Status);
        Assert.Equal(["Archive"], (await host.CloudResourcesAsync("keep")).Select(c => c.LogicalId));
        Assert.Empty(await host.ResourcesAsync("keep"));
        Golden.Assert("delete-retain", "expected.events", await host.EventsTextAsync("keep"));
    }
}
