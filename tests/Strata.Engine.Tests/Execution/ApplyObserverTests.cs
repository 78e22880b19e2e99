using System.Collections.Concurrent;
using Strata.Engine.Execution;
using Strata.Engine.Model;
using Strata.Engine.Providers;
using Strata.Engine.State;
using Strata.Engine.Tests.Support;

namespace Strata.Engine.Tests.Execution;

public sealed class ApplyObserverTests
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
          Web:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-1
              SubnetId: !Ref Subnet
        """;

    [Fact]
    public async Task UpAsync_WithAnObserver_ReportsEachStepInDependencyOrder()
    {
        var observer = new RecordingObserver();
        using var fixture = new EngineFixture(new EngineOptions { ApplyObserver = observer });

        var result = await fixture.Engine.UpAsync(EngineFixture.Up("s", Chain), CancellationToken.None);

        Assert.Equal(StackStatus.CreateComplete, result.Stack!.Status);
        Assert.Equal(
            ["Ready Vpc", "Started Vpc", "Finished Vpc True", "Ready Subnet", "Started Subnet", "Finished Subnet True",
             "Ready Web", "Started Web", "Finished Web True"],
            observer.Seen);
    }

    [Fact]
    public async Task UpAsync_StepFails_ReportsItFinishedUnsuccessfullyAndNothingForWhatItHeldUp()
    {
        var observer = new RecordingObserver();
        using var fixture = new EngineFixture(new EngineOptions { ApplyObserver = observer });
        fixture.Provider.Script("Subnet", _ => Task.FromResult<ProgressEvent?>(ProgressEvent.Failure(HandlerErrorCode.InvalidRequest, "no")));

        await fixture.Engine.UpAsync(EngineFixture.Up("s", Chain), CancellationToken.None);

        Assert.Contains("Finished Subnet False", observer.Seen);
        Assert.DoesNotContain(observer.Seen, e => e.EndsWith(" Web", StringComparison.Ordinal) || e.Contains(" Web ", StringComparison.Ordinal));
    }

    private sealed class RecordingObserver : IApplyObserver
    {
        private readonly ConcurrentQueue<string> _seen = new();

        public IReadOnlyList<string> Seen => [.. _seen];

        public void Ready(string logicalId) => _seen.Enqueue($"Ready {logicalId}");

        public void Started(string logicalId) => _seen.Enqueue($"Started {logicalId}");

        public void Finished(string logicalId, bool succeeded) => _seen.Enqueue($"Finished {logicalId} {succeeded}");
    }
}
