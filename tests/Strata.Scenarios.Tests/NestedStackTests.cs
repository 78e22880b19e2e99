using Strata.Engine.Definition;
using Strata.Engine.Execution;
using Strata.Engine.Model;

namespace Strata.Scenarios.Tests;

public class NestedStackTests
{
    [Fact]
    public async Task Up_NestingDeeperThanFiveLevels_FailsNamingTheLimitAndRollsEverythingBack()
    {
        using var host = new ScenarioHost();

        var result = await host.UpAsync("deep", "nested-stack", "recursive.yaml");

        Assert.Equal(StackStatus.RollbackComplete, result.Stack!.Status);
        Assert.Contains("at most 5 levels deep", result.RootCause!.Message);
        Assert.Equal("AWS::CloudFormation::Stack", result.RootCause.Type);
        Assert.Empty(await host.CloudResourcesAsync());
        var stacks = await host.Store.ListStacksAsync(includeDeleted: true, includeNested: true, CancellationToken.None);
        Assert.Equal(6, stacks.Count);
    }

    [Fact]
    public async Task Up_OnlyTheChildTemplateChanged_UpdatesTheNestedStack()
    {
        using var host = new ScenarioHost();
        var folder = Path.Combine(host.Directory, "templates");
        Directory.CreateDirectory(folder);
        File.Copy(ScenarioHost.ScenarioPath("nested-stack", "parent.yaml"), Path.Combine(folder, "parent.yaml"));
        File.Copy(ScenarioHost.ScenarioPath("nested-stack", "network.yaml"), Path.Combine(folder, "network.yaml"));
        var parent = Path.Combine(folder, "parent.yaml");
        var request = new UpRequest { StackName = "app", Template = new TemplateSource(File.ReadAllText(parent), parent) };
        await host.Engine.UpAsync(request, CancellationToken.None);
        var network = File.ReadAllText(Path.Combine(folder, "network.yaml")).Replace("Outputs:", "  Gateway:\n    Type: AWS::EC2::InternetGateway\nOutputs:");
        File.WriteAllText(Path.Combine(folder, "network.yaml"), network);

        var plan = await host.Engine.PlanAsync("app", request.Template, new Dictionary<string, string>(), CancellationToken.None);
        var result = await host.Engine.UpAsync(request, CancellationToken.None);

        Assert.Equal("Network", Assert.Single(plan.Plan!.Changes).LogicalId);
        Assert.Equal(StackStatus.UpdateComplete, result.Stack!.Status);
        var child = (await host.ResourcesAsync("app")).Single(r => r.LogicalId == "Network").PhysicalId!;
        Assert.Contains(await host.CloudResourcesAsync(StackIds.NameOf(child)), r => r.LogicalId == "Gateway");
    }
}
