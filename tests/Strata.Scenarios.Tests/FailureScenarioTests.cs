using Strata.Engine.Execution;
using Strata.Engine.Model;
using Strata.Engine.State;

namespace Strata.Scenarios.Tests;

/// <summary>Failure and rollback, update rollback, hangs, throttling: what happens when the cloud says no.</summary>
public class FailureScenarioTests
{
    [Fact]
    public async Task Up_ResourceFails_RollsBackAndKeepsRootCauseAfterDelete()
    {
        using var host = new ScenarioHost();

        var result = await host.UpAsync("broken", "failure-rollback", "template.yaml");

        Assert.Equal(OperationOutcome.Failed, result.Outcome);
        Assert.Equal(StackStatus.RollbackComplete, result.Stack!.Status);
        var cause = result.RootCause!;
        Assert.Equal(("Web", "AWS::EC2::Instance", "ServiceLimitExceeded"), (cause.LogicalId, cause.Type, cause.ErrorCode));
        Assert.Contains("vCPU limit of 0", cause.Message);
        Assert.Empty(await host.CloudResourcesAsync("broken"));
        Golden.Assert("failure-rollback", "expected.events", await host.EventsTextAsync("broken"));

        await host.DownAsync("broken");
        Assert.Equal(cause, (await host.StackAsync("broken")).RootCause);
    }

    [Fact]
    public async Task Up_NoRollback_KeepsWhatWasCreated()
    {
        using var host = new ScenarioHost();

        var result = await host.UpAsync("kept", "failure-rollback", "template.yaml", disableRollback: true);

        Assert.Equal(StackStatus.CreateFailed, result.Stack!.Status);
        Assert.Equal(["Subnet", "Vpc"], (await host.CloudResourcesAsync("kept")).Select(c => c.LogicalId).Order());
        Assert.Equal("Web", result.RootCause!.LogicalId);
    }

    [Fact]
    public async Task Up_UpdateFails_RollsBackToPreviousTemplateAndState()
    {
        using var host = new ScenarioHost();
        await host.UpAsync("queues", "update-rollback", "step1.yaml");
        var before = await host.StackAsync("queues");

        var result = await host.UpAsync("queues", "update-rollback", "step2.yaml");

        Assert.Equal(StackStatus.UpdateRollbackComplete, result.Stack!.Status);
        Assert.Equal(("Second", "InternalFailure"), (result.RootCause!.LogicalId, result.RootCause.ErrorCode));
        Assert.Equal(before.TemplateBody, result.Stack.TemplateBody);
        var cloud = await host.CloudResourcesAsync("queues");
        Assert.Equal(["First", "Second"], cloud.Select(c => c.LogicalId).Order());
        Assert.Equal("30", cloud.Single(c => c.LogicalId == "First").Model["VisibilityTimeout"]!.ToString());
        Assert.Equal("0", cloud.Single(c => c.LogicalId == "Second").Model["DelaySeconds"]!.ToString());
        Golden.Assert("update-rollback", "expected.events", await host.EventsTextAsync("queues"));
    }

    [Fact]
    public async Task Up_ResourceHangs_TimeoutFailsItWithClearReason()
    {
        using var host = new ScenarioHost(resourceTimeout: TimeSpan.FromSeconds(1));

        var result = await host.UpAsync("hung", "hang-timeout", "template.yaml");

        Assert.Equal(StackStatus.RollbackComplete, result.Stack!.Status);
        Assert.Equal(("Stuck", "NotStabilized"), (result.RootCause!.LogicalId, result.RootCause.ErrorCode));
        Assert.Contains("did not complete within 1s", result.RootCause.Message);
        Assert.Empty(await host.CloudResourcesAsync("hung"));
        Golden.Assert("hang-timeout", "expected.events", await host.EventsTextAsync("hung"));
    }

    [Fact]
    public async Task Up_ProviderThrottles_RetriesWithNewTokensUntilSuccess()
    {
        using var host = new ScenarioHost();

        var result = await host.UpAsync("busy", "throttling", "template.yaml");

        Assert.Equal(StackStatus.CreateComplete, result.Stack!.Status);
        var journal = await host.Store.GetJournalAsync(result.Stack.StackId, CancellationToken.None);
        var create = Assert.Single(journal);
        Assert.Equal(JournalState.Succeeded, create.State);
        Assert.EndsWith("-r2", create.ClientToken);
        Assert.Single(await host.CloudResourcesAsync("busy"));
        Golden.Assert("throttling", "expected.events", await host.EventsTextAsync("busy"));
    }
}
