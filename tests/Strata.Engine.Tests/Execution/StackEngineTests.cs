using Strata.Engine.Execution;
using Strata.Engine.Model;
using Strata.Engine.Providers;
using Strata.Engine.State;
using Strata.Engine.Tests.Support;

namespace Strata.Engine.Tests.Execution;

public class StackEngineTests
{
    private const string Chain = """
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.0.0.0/16
          Subnet:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: !Ref Vpc
              CidrBlock: 10.0.1.0/24
          Group:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: g
              VpcId: !Ref Vpc
          Web:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-1
              SubnetId: !Ref Subnet
              SecurityGroupIds: [!GetAtt Group.Arn]
        Outputs:
          Web:
            Value: !Ref Web
        """;

    [Fact]
    public async Task UpAsync_GetAttOfACreatedResource_ResolvesFromItsModel()
    {
        using var fixture = new EngineFixture();

        var result = await fixture.Engine.UpAsync(EngineFixture.Up("s", Chain), CancellationToken.None);

        Assert.Equal(StackStatus.CreateComplete, result.Stack!.Status);
        var web = fixture.Provider.Calls.Single(c => c.LogicalId == "Web");
        var group = fixture.Provider.Calls.Single(c => c.LogicalId == "Group");
        Assert.Equal($"arn:test:{fixture.Provider.Existing.Single(e => e.Value == "Group").Key}", web.Desired["SecurityGroupIds"]![0]!.ToString());
        Assert.NotNull(group);
        Assert.Equal(fixture.Provider.Existing.Single(e => e.Value == "Web").Key, result.Stack.Outputs.Single().Value);
    }

    [Fact]
    public async Task UpAsync_IndependentResources_StartTogetherOnceTheirDependencyCompletes()
    {
        using var fixture = new EngineFixture();
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        Task<ProgressEvent?> Gate(ProviderCall call)
        {
            if (call.Action != ProviderAction.Create)
            {
                return Task.FromResult<ProgressEvent?>(null);
            }
            if (Interlocked.Increment(ref started) == 2)
            {
                bothStarted.TrySetResult();
            }
            // Neither Subnet nor Group finishes until both have started.
            return bothStarted.Task.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => (ProgressEvent?)null);
        }
        fixture.Provider.Script("Subnet", Gate);
        fixture.Provider.Script("Group", Gate);

        var result = await fixture.Engine.UpAsync(EngineFixture.Up("s", Chain), CancellationToken.None);

        Assert.Equal(StackStatus.CreateComplete, result.Stack!.Status);
        Assert.True(bothStarted.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task UpAsync_CreateFails_DeletesWhatWasCreatedInReverseDependencyOrder()
    {
        using var fixture = new EngineFixture();
        fixture.Provider.Script("Web", c => Task.FromResult<ProgressEvent?>(c.Action == ProviderAction.Create
            ? ProgressEvent.Failure(HandlerErrorCode.ServiceLimitExceeded, "no more instances")
            : null));

        var result = await fixture.Engine.UpAsync(EngineFixture.Up("s", Chain), CancellationToken.None);

        Assert.Equal(StackStatus.RollbackComplete, result.Stack!.Status);
        Assert.Equal(new RootCause("Web", "AWS::EC2::Instance", "ServiceLimitExceeded", "no more instances"), result.RootCause);
        var deletes = fixture.Provider.Calls.Where(c => c.Action == ProviderAction.Delete).Select(c => c.LogicalId).ToList();
        Assert.Equal(3, deletes.Count);
        Assert.Equal("Vpc", deletes.Last());
        Assert.Empty(fixture.Provider.Existing);
    }

    [Fact]
    public async Task UpAsync_SecondOperationWhileTheFirstRuns_IsRefusedClearly()
    {
        using var fixture = new EngineFixture();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Provider.Script("Vpc", async _ => { entered.TrySetResult(); await release.Task; return null; });

        var first = fixture.Engine.UpAsync(EngineFixture.Up("s", Chain), CancellationToken.None);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await fixture.NewEngine().UpAsync(EngineFixture.Up("s", Chain), CancellationToken.None);
        release.SetResult();
        await first;

        Assert.Equal(OperationOutcome.Busy, second.Outcome);
        Assert.Contains("is being changed by another strata process", second.Messages.Single());
    }

    [Fact]
    public async Task UpAsync_AfterAnAbortMidCall_ReplaysThePendingCallWithTheSameClientToken()
    {
        using var fixture = new EngineFixture();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hang = true;
        fixture.Provider.Script("Subnet", async _ =>
        {
            if (hang)
            {
                entered.TrySetResult();
                await Task.Delay(Timeout.Infinite);
            }
            return null;
        });
        using var abort = new CancellationTokenSource();

        var first = fixture.Engine.UpAsync(EngineFixture.Up("s", Chain), abort.Token);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        hang = false;
        var stack = await fixture.Store.GetStackAsync("s", CancellationToken.None);
        // Group runs beside Subnet and may also be mid-call at the abort; the hung Subnet call is the one to check.
        var pending = Assert.Single(await fixture.Store.GetPendingOperationsAsync(stack!.StackId, CancellationToken.None), p => p.LogicalId == "Subnet");

        var resumed = await fixture.NewEngine().UpAsync(EngineFixture.Up("s", Chain), CancellationToken.None);

        Assert.Equal(StackStatus.CreateComplete, resumed.Stack!.Status);
        var subnetCalls = fixture.Provider.Calls.Where(c => c.LogicalId == "Subnet").Select(c => c.ClientToken).ToList();
        Assert.Equal([pending.ClientToken, pending.ClientToken], subnetCalls);
        Assert.Equal(4, fixture.Provider.Existing.Count);
    }

    [Fact]
    public async Task UpAsync_InvalidTemplate_IsRefusedWithFileAndLineAndCreatesNoStack()
    {
        using var fixture = new EngineFixture();

        var result = await fixture.Engine.UpAsync(EngineFixture.Up("s", "Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      X: !Ref Missing\n"), CancellationToken.None);

        Assert.Equal(OperationOutcome.Refused, result.Outcome);
        Assert.Contains("template:5:", result.Messages.First());
        Assert.Null(await fixture.Store.GetStackAsync("s", CancellationToken.None));
    }

    [Fact]
    public async Task UpAsync_UnchangedTemplate_ReportsNoChangesAndWritesNoEvents()
    {
        using var fixture = new EngineFixture();
        var created = await fixture.Engine.UpAsync(EngineFixture.Up("s", Chain), CancellationToken.None);
        var before = (await fixture.Store.GetEventsAsync(created.Stack!.StackId, 0, CancellationToken.None)).Count;

        var again = await fixture.Engine.UpAsync(EngineFixture.Up("s", Chain), CancellationToken.None);

        Assert.Equal(OperationOutcome.NoChanges, again.Outcome);
        Assert.Equal(before, (await fixture.Store.GetEventsAsync(created.Stack.StackId, 0, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task DownAsync_DeletesDependentsBeforeTheirDependencies()
    {
        using var fixture = new EngineFixture();
        await fixture.Engine.UpAsync(EngineFixture.Up("s", Chain), CancellationToken.None);

        var result = await fixture.Engine.DownAsync("s", CancellationToken.None);

        Assert.Equal(StackStatus.DeleteComplete, result.Stack!.Status);
        var deletes = fixture.Provider.Calls.Where(c => c.Action == ProviderAction.Delete).Select(c => c.LogicalId).ToList();
        Assert.True(deletes.IndexOf("Web") < deletes.IndexOf("Subnet"));
        Assert.True(deletes.IndexOf("Web") < deletes.IndexOf("Group"));
        Assert.Equal("Vpc", deletes.Last());
        Assert.Empty(fixture.Provider.Existing);
    }

    [Fact]
    public async Task UpAsync_GracefulStop_FinishesRunningCallsThenRollsBack()
    {
        using var fixture = new EngineFixture();
        using var stop = new CancellationTokenSource();
        fixture.Provider.Script("Subnet", async c =>
        {
            if (c.Action == ProviderAction.Create)
            {
                await stop.CancelAsync();
                await Task.Delay(20);
            }
            return null;
        });

        var result = await fixture.Engine.UpAsync(EngineFixture.Up("s", Chain) with { Stop = stop.Token }, CancellationToken.None);

        Assert.Equal(StackStatus.RollbackComplete, result.Stack!.Status);
        Assert.Equal("Cancelled", result.RootCause!.ErrorCode);
        Assert.DoesNotContain(fixture.Provider.Calls, c => c.LogicalId == "Web");
        Assert.Empty(fixture.Provider.Existing);
    }
}
