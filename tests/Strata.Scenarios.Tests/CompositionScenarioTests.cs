using Strata.Engine.Execution;
using Strata.Engine.Model;
using Strata.Engine.State;

namespace Strata.Scenarios.Tests;

/// <summary>Nested stacks, exports and imports, wait conditions and creation policies.</summary>
public class CompositionScenarioTests
{
    [Fact]
    public async Task Up_NestedStack_PassesParametersInAndOutputsOut()
    {
        using var host = new ScenarioHost();

        var result = await host.UpAsync("app", "nested-stack", "parent.yaml");

        Assert.Equal(StackStatus.CreateComplete, result.Stack!.Status);
        var nested = (await host.ResourcesAsync("app")).Single(r => r.LogicalId == "Network");
        var child = await host.Store.GetStackByIdAsync(nested.PhysicalId!, CancellationToken.None);
        Assert.Equal(StackStatus.CreateComplete, child!.Status);
        Assert.Equal(result.Stack.StackId, child.ParentStackId);
        var subnet = (await host.CloudResourcesAsync(child.Name)).Single(c => c.LogicalId == "Subnet");
        Assert.Equal(subnet.PhysicalId, result.Stack.Outputs.Single(o => o.Key == "SubnetId").Value);
        Assert.Equal("10.1.0.0/24", subnet.Model["CidrBlock"]!.ToString());
        Golden.Assert("nested-stack", "expected.events", await host.EventsTextAsync("app", child.Name));

        var down = await host.DownAsync("app");
        Assert.Equal(StackStatus.DeleteComplete, down.Stack!.Status);
        Assert.Empty(await host.CloudResourcesAsync());
    }

    [Fact]
    public async Task Up_CustomResource_SimulatedHandlerDataReachesGetAttAndRef()
    {
        using var host = new ScenarioHost();

        var result = await host.UpAsync("seeded", "custom-resource", "template.yaml");

        Assert.Equal(StackStatus.CreateComplete, result.Stack!.Status);
        Assert.Equal("db.internal:5432", result.Stack.Outputs.Single(o => o.Key == "Endpoint").Value);
        var seeder = (await host.ResourcesAsync("seeded")).Single(r => r.LogicalId == "Seeder");
        var queue = (await host.CloudResourcesAsync("seeded")).Single(c => c.LogicalId == "Queue");
        Assert.Equal($"q-{seeder.PhysicalId}", queue.Model["QueueName"]!.ToString());

        var down = await host.DownAsync("seeded");
        Assert.Equal(StackStatus.DeleteComplete, down.Stack!.Status);
        Assert.Empty(await host.CloudResourcesAsync());
    }

    [Fact]
    public async Task Down_ExportImportedByAnotherStack_IsRefusedUntilTheImporterGoes()
    {
        using var host = new ScenarioHost();
        await host.UpAsync("shared", "export-in-use", "exporter.yaml");
        var importer = await host.UpAsync("consumer", "export-in-use", "importer.yaml");
        Assert.Equal(StackStatus.CreateComplete, importer.Stack!.Status);
        var vpc = (await host.CloudResourcesAsync("shared")).Single();
        Assert.Equal(vpc.PhysicalId, (await host.CloudResourcesAsync("consumer")).Single().Model["VpcId"]!.ToString());

        var refused = await host.DownAsync("shared");

        Assert.Equal(OperationOutcome.Refused, refused.Outcome);
        Assert.Contains("Export shared-vpc cannot be deleted as it is in use by consumer", refused.Messages.Single());
        Assert.Equal(StackStatus.CreateComplete, (await host.StackAsync("shared")).Status);

        var again = await host.UpAsync("other", "export-in-use", "exporter.yaml");
        Assert.Equal(OperationOutcome.Refused, again.Outcome);
        Assert.Contains("Export with name shared-vpc is already exported by stack shared", again.Messages.Single());

        await host.DownAsync("consumer");
        var down = await host.DownAsync("shared");
        Assert.Equal(StackStatus.DeleteComplete, down.Stack!.Status);
        Golden.Assert("export-in-use", "expected.events", await host.EventsTextAsync("shared", "consumer"));
    }

    [Fact]
    public async Task Up_WaitConditionSignalled_CompletesWithSignalData()
    {
        using var host = new ScenarioHost();
        var up = host.UpAsync("waits", "wait-condition", "success.yaml");
        var url = await WaitForPhysicalIdAsync(host, "waits", "Handle");
        var uri = new Uri(url);

        var refused = await host.Engine.Signals.AcceptAsync("PUT", uri.AbsolutePath + uri.Query.Replace("Signature=", "Signature=x"),
            """{"Status":"SUCCESS","UniqueId":"forged","Data":"no"}""", CancellationToken.None);
        var accepted = await host.Engine.Signals.AcceptAsync("PUT", uri.PathAndQuery,
            """{"Status":"SUCCESS","Reason":"Configuration Complete","UniqueId":"web-1","Data":"ready"}""", CancellationToken.None);
        var result = await up;

        Assert.Equal(403, refused.StatusCode);
        Assert.Equal(200, accepted.StatusCode);
        Assert.Equal(StackStatus.CreateComplete, result.Stack!.Status);
        Assert.Equal("""{"web-1":"ready"}""", result.Stack.Outputs.Single(o => o.Key == "Data").Value);
        Golden.Assert("wait-condition", "success.events", await host.EventsTextAsync("waits"));
    }

    [Fact]
    public async Task Up_WaitConditionNotSignalled_TimesOutAndRollsBack()
    {
        using var host = new ScenarioHost();

        var result = await host.UpAsync("silent", "wait-condition", "timeout.yaml");

        Assert.Equal(StackStatus.RollbackComplete, result.Stack!.Status);
        Assert.Equal("Ready", result.RootCause!.LogicalId);
        Assert.Equal("WaitCondition timed out. Received 0 conditions when expecting 1", result.RootCause.Message);
        Golden.Assert("wait-condition", "timeout.events", await host.EventsTextAsync("silent"));
    }

    [Fact]
    public async Task Up_CreationPolicy_WaitsForTheResourceSignal()
    {
        using var host = new ScenarioHost();
        var up = host.UpAsync("signalled", "creation-policy", "template.yaml");
        await WaitForPhysicalIdAsync(host, "signalled", "Web");

        await host.Engine.SignalResourceAsync("signalled", "Web", new WaitSignal("i-1", "SUCCESS", "booted", null, DateTimeOffset.UtcNow), CancellationToken.None);
        var result = await up;

        Assert.Equal(StackStatus.CreateComplete, result.Stack!.Status);
        Golden.Assert("creation-policy", "expected.events", await host.EventsTextAsync("signalled"));
    }

    private static async Task<string> WaitForPhysicalIdAsync(ScenarioHost host, string stack, string logicalId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await host.Store.GetStackAsync(stack, limit.Token) is { } record)
            {
                var resource = (await host.Store.GetResourcesAsync(record.StackId, limit.Token)).FirstOrDefault(r => r.LogicalId == logicalId);
                if (resource?.PhysicalId is { } physicalId)
                {
                    return physicalId;
                }
            }
            await Task.Delay(20, limit.Token);
        }
    }
}
