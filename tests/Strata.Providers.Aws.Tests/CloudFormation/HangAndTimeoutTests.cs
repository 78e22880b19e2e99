using Strata.Providers.Aws.CloudFormation;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.CloudFormation;

/// <summary>
/// Hangs and time-outs, on a fake clock against a loopback CloudFormation that stops making progress (moto
/// finishes every operation within the call, and has no CancelUpdateStack).
/// </summary>
public sealed class HangAndTimeoutTests : FakeCloudFormationTestBase
{
    private const string Template = """{"Resources":{"Queue":{"Type":"AWS::SQS::Queue"},"WebServer":{"Type":"AWS::EC2::Instance"}}}""";

    protected override CloudFormationDeployerOptions Configure(CloudFormationDeployerOptions options) =>
        options with { MaxPollInterval = TimeSpan.FromMinutes(1), NoProgressWarning = TimeSpan.FromMinutes(10) };

    private void ExistingStack() => _cfn
        .StackEvent("CREATE_IN_PROGRESS", "User Initiated")
        .ResourceEvent("Queue", "AWS::SQS::Queue", "CREATE_COMPLETE", null, "https://sqs.us-east-1.amazonaws.com/123456789012/web-Queue")
        .StackEvent("CREATE_COMPLETE");

    [Fact]
    public async Task UpAsync_UpdateWithoutProgressPastTimeout_FlagsHangThenCancelsUpdateAndFollowsRollback()
    {
        ExistingStack();
        _cfn.On("ExecuteChangeSet", (s, _) => s.StackEvent("UPDATE_IN_PROGRESS", "User Initiated")
            .ResourceEvent("Queue", "AWS::SQS::Queue", "UPDATE_IN_PROGRESS", null, "https://sqs.us-east-1.amazonaws.com/123456789012/web-Queue"));
        _cfn.On("CancelUpdateStack", (s, _) => s
            .StackEvent("UPDATE_ROLLBACK_IN_PROGRESS", "Stack update cancelled")
            .ResourceEvent("Queue", "AWS::SQS::Queue", "UPDATE_FAILED", "Resource update cancelled")
            .After(TimeSpan.FromMinutes(2), later => later
                .ResourceEvent("Queue", "AWS::SQS::Queue", "UPDATE_COMPLETE")
                .StackEvent("UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS")
                .StackEvent("UPDATE_ROLLBACK_COMPLETE")));
        var observer = new RecordingObserver();

        var result = await Deployer().UpAsync(new CloudFormationUpRequest
        {
            StackName = "web", TemplateBody = Template, Timeout = TimeSpan.FromMinutes(30),
        }, observer);

        Assert.Equal(DeploymentOutcome.Failed, result.Outcome);
        Assert.Equal("UPDATE_ROLLBACK_COMPLETE", result.Status);
        var actions = _cfn.Actions;
        Assert.Single(actions, a => a == "CancelUpdateStack");
        Assert.True(actions.IndexOf("CancelUpdateStack") > actions.IndexOf("ExecuteChangeSet"));
        Assert.Equal(_cfn.StackId, _cfn.LastForm("CancelUpdateStack")["StackName"]);
        Assert.InRange(_clock.Elapsed, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(40));

        // Flagged after 10 and 20 quiet minutes, naming what it waits for; the same warnings in the result.
        Assert.Equal(2, result.Warnings.Count);
        Assert.StartsWith("No progress for 10m", result.Warnings[0]);
        Assert.StartsWith("No progress for 20m", result.Warnings[1]);
        Assert.Contains("Queue (AWS::SQS::Queue)", result.Warnings[0]);
        Assert.Equal(result.Warnings, observer.Warnings.Where(w => w.StartsWith("No progress", StringComparison.Ordinal)));
        Assert.Contains(observer.Warnings, w => w.Contains("cancelled the update", StringComparison.Ordinal));

        // The cause is the resource that never finished, not CloudFormation's "Resource update cancelled".
        Assert.NotNull(result.RootCause);
        Assert.Equal(("Queue", "AWS::SQS::Queue", CloudFormationDeployer.TimeoutErrorCode),
            (result.RootCause.LogicalId, result.RootCause.Type, result.RootCause.ErrorCode));
        Assert.Equal("Still UPDATE_IN_PROGRESS after 30m (the time-out)", result.RootCause.Message);
        Assert.Equal("UPDATE_ROLLBACK_COMPLETE", result.Events[^1].Status);
        Assert.Equal("UPDATE_IN_PROGRESS", result.Events[0].Status);

        var record = await new CloudFormationRecordStore(_data.Path).GetAsync("web", CancellationToken.None);
        Assert.Equal("UPDATE_ROLLBACK_COMPLETE", record?.Status);
        Assert.Equal(result.RootCause, record?.RootCause);
    }

    [Fact]
    public async Task UpAsync_CreateWithoutProgressPastTimeout_FailsClearlyAndLeavesTheStackToCloudFormation()
    {
        _cfn.On("ExecuteChangeSet", (s, _) => s.StackEvent("CREATE_IN_PROGRESS", "User Initiated")
            .ResourceEvent("Queue", "AWS::SQS::Queue", "CREATE_IN_PROGRESS")
            .After(TimeSpan.FromSeconds(30), later => later.ResourceEvent("Queue", "AWS::SQS::Queue", "CREATE_COMPLETE", null, "q-url")
                .ResourceEvent("WebServer", "AWS::EC2::Instance", "CREATE_IN_PROGRESS")));

        var result = await Deployer().UpAsync(new CloudFormationUpRequest
        {
            StackName = "web", TemplateBody = Template, Timeout = TimeSpan.FromMinutes(20),
        });

        Assert.Equal(DeploymentOutcome.TimedOut, result.Outcome);
        Assert.False(result.Succeeded);
        Assert.Equal("CREATE_IN_PROGRESS", result.Status);
        Assert.DoesNotContain("CancelUpdateStack", _cfn.Actions);
        Assert.DoesNotContain("DeleteStack", _cfn.Actions);
        var message = Assert.Single(result.Messages, m => m.StartsWith("Timed out after 20m", StringComparison.Ordinal));
        Assert.Contains("strata down web", message);
        Assert.Equal(("WebServer", CloudFormationDeployer.TimeoutErrorCode), (result.RootCause?.LogicalId, result.RootCause?.ErrorCode));
        Assert.Single(result.Warnings);
        Assert.Contains("WebServer (AWS::EC2::Instance)", result.Warnings[0]);
    }

    [Fact]
    public async Task UpAsync_CreateTimeoutWithDeleteRequested_DeletesTheStackAndReportsFailure()
    {
        _cfn.On("ExecuteChangeSet", (s, _) => s.StackEvent("CREATE_IN_PROGRESS", "User Initiated")
            .ResourceEvent("WebServer", "AWS::EC2::Instance", "CREATE_IN_PROGRESS", null, "i-0123456789abcdef0"));
        _cfn.On("DeleteStack", (s, _) => s.StackEvent("DELETE_IN_PROGRESS", "User Initiated")
            .After(TimeSpan.FromMinutes(1), later => later
                .ResourceEvent("WebServer", "AWS::EC2::Instance", "DELETE_COMPLETE", null, "i-0123456789abcdef0")
                .StackEvent("DELETE_COMPLETE")));

        var result = await Deployer().UpAsync(new CloudFormationUpRequest
        {
            StackName = "web", TemplateBody = Template, Timeout = TimeSpan.FromMinutes(15), DeleteOnCreateTimeout = true,
        });

        Assert.Equal(DeploymentOutcome.Failed, result.Outcome);
        Assert.Equal("DELETE_COMPLETE", result.Status);
        Assert.Equal(_cfn.StackId, _cfn.LastForm("DeleteStack")["StackName"]);
        Assert.Contains(result.Messages, m => m.Contains("deleting it, as asked", StringComparison.Ordinal));
        Assert.Equal("WebServer", result.RootCause?.LogicalId);
        Assert.Equal("DELETE_COMPLETE", result.Events[^1].Status);
    }

    [Fact]
    public async Task UpAsync_QuietCreate_PollsWithDoublingBackoffUpToCeilingAndResetsOnProgress()
    {
        _cfn.On("ExecuteChangeSet", (s, _) => s.StackEvent("CREATE_IN_PROGRESS", "User Initiated")
            .ResourceEvent("WebServer", "AWS::EC2::Instance", "CREATE_IN_PROGRESS")
            .After(TimeSpan.FromMinutes(4), later => later.ResourceEvent("WebServer", "AWS::EC2::Instance", "CREATE_COMPLETE", null, "i-1"))
            .After(TimeSpan.FromMinutes(6), later => later.StackEvent("CREATE_COMPLETE")));

        var result = await Deployer().UpAsync(new CloudFormationUpRequest { StackName = "web", TemplateBody = Template });

        Assert.Equal(DeploymentOutcome.Succeeded, result.Outcome);
        Assert.Equal("CREATE_COMPLETE", result.Status);
        var waits = _clock.Waits.Select(w => (int)w.TotalSeconds).ToList();
        Assert.Equal([5, 10, 20, 40, 60, 60, 60], waits.Take(7));
        // The instance's completion is progress: the next wait starts from the first interval again.
        var afterProgress = waits.Skip(7).First();
        Assert.Equal(5, afterProgress);
        Assert.Empty(result.Warnings);
    }
}
