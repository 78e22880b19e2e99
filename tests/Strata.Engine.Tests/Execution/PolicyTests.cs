using Strata.Engine.Model;
using Strata.Engine.Providers;
using Strata.Engine.State;
using Strata.Engine.Tests.Support;

namespace Strata.Engine.Tests.Execution;

public class PolicyTests
{
    private static string Network(string cidr, string replacePolicy) => $$"""
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            DeletionPolicy: Snapshot
            Properties:
              CidrBlock: 10.0.0.0/16
          Subnet:
            Type: AWS::EC2::Subnet
            UpdateReplacePolicy: {{replacePolicy}}
            Properties:
              VpcId: !Ref Vpc
              CidrBlock: {{cidr}}
        """;

    [Fact]
    public async Task UpAsync_ReplacementWithUpdateReplacePolicyRetain_KeepsTheOldResource()
    {
        using var fixture = new EngineFixture();
        await fixture.Engine.UpAsync(EngineFixture.Up("s", Network("10.0.1.0/24", "Retain")), CancellationToken.None);
        var oldSubnet = fixture.Provider.Existing.Single(e => e.Value == "Subnet").Key;

        var result = await fixture.Engine.UpAsync(EngineFixture.Up("s", Network("10.0.2.0/24", "Retain")), CancellationToken.None);

        Assert.Equal(StackStatus.UpdateComplete, result.Stack!.Status);
        Assert.Contains(oldSubnet, fixture.Provider.Existing.Keys);
        Assert.Equal(2, fixture.Provider.Existing.Count(e => e.Value == "Subnet"));
        Assert.DoesNotContain(fixture.Provider.Calls, c => c.Action == ProviderAction.Delete);
        var events = await fixture.Store.GetEventsAsync(result.Stack.StackId, 0, CancellationToken.None);
        Assert.Contains(events, e => e.LogicalId == "Subnet" && e.PhysicalId == oldSubnet && e.Status == "DELETE_SKIPPED");
    }

    [Fact]
    public async Task UpAsync_ReplacementWithDefaultPolicy_CreatesTheNewOneBeforeDeletingTheOld()
    {
        using var fixture = new EngineFixture();
        await fixture.Engine.UpAsync(EngineFixture.Up("s", Network("10.0.1.0/24", "Delete")), CancellationToken.None);
        var oldSubnet = fixture.Provider.Existing.Single(e => e.Value == "Subnet").Key;

        await fixture.Engine.UpAsync(EngineFixture.Up("s", Network("10.0.2.0/24", "Delete")), CancellationToken.None);

        var subnetCalls = fixture.Provider.Calls.Where(c => c.LogicalId == "Subnet").Select(c => (c.Action, c.PhysicalId)).ToList();
        Assert.Equal([(ProviderAction.Create, null), (ProviderAction.Create, null), (ProviderAction.Delete, oldSubnet)], subnetCalls);
    }

    [Fact]
    public async Task DownAsync_SnapshotPolicy_AsksTheProviderForASnapshot()
    {
        using var fixture = new EngineFixture();
        await fixture.Engine.UpAsync(EngineFixture.Up("s", Network("10.0.1.0/24", "Delete")), CancellationToken.None);

        await fixture.Engine.DownAsync("s", CancellationToken.None);

        var deletes = fixture.Provider.Calls.Where(c => c.Action == ProviderAction.Delete).ToDictionary(c => c.LogicalId, c => c.Snapshot);
        Assert.True(deletes["Vpc"]);
        Assert.False(deletes["Subnet"]);
    }
}
