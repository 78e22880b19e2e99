using System.Text.Json.Nodes;
using Strata.Engine.Definition;
using Strata.Engine.Model;
using Strata.Engine.Planning;
using Strata.Engine.Templating;

namespace Strata.Engine.Tests.Planning;

public class ChangeDeciderTests
{
    private static readonly IReplacementRules Spec = SpecReplacementRules.Default;

    private static ResourceRecord Record(string type, JsonObject properties, JsonObject? metadata = null, ResourceStatus status = ResourceStatus.CreateComplete) => new()
    {
        RecordId = "r1",
        StackId = "s",
        LogicalId = "X",
        Type = type,
        PhysicalId = "phys-1",
        Status = status,
        Properties = StoredJson.From(properties),
        Metadata = StoredJson.FromNullable(metadata),
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static ResolvedResource Desired(JsonObject properties, params string[] unknown) => new()
    {
        Properties = properties,
        UnknownProperties = unknown.ToHashSet(),
    };

    [Fact]
    public void Decide_NoRecord_Adds()
    {
        var decision = ChangeDecider.Decide(null, "AWS::SQS::Queue", Desired([]), Spec);

        Assert.Equal(ChangeAction.Add, decision.Action);
    }

    [Fact]
    public void Decide_SameValues_DoesNothing()
    {
        var decision = ChangeDecider.Decide(Record("AWS::SQS::Queue", new() { ["DelaySeconds"] = 5 }), "AWS::SQS::Queue", Desired(new() { ["DelaySeconds"] = 5 }), Spec);

        Assert.Equal(ChangeAction.None, decision.Action);
    }

    [Fact]
    public void Decide_MutablePropertyChanged_ModifiesInPlace()
    {
        var decision = ChangeDecider.Decide(Record("AWS::SQS::Queue", new() { ["VisibilityTimeout"] = 30 }), "AWS::SQS::Queue", Desired(new() { ["VisibilityTimeout"] = 60 }), Spec);

        Assert.Equal(ChangeAction.Modify, decision.Action);
        Assert.Equal(ReplacementKind.Never, decision.Replacement);
        var change = Assert.Single(decision.Changes);
        Assert.Equal(("VisibilityTimeout", "30", "60"), (change.Name, change.Before!.ToJsonString(), change.After!.ToJsonString()));
        Assert.Contains("VisibilityTimeout", decision.Reason);
    }

    [Fact]
    public void Decide_ImmutablePropertyChanged_Replaces()
    {
        var decision = ChangeDecider.Decide(Record("AWS::EC2::Subnet", new() { ["CidrBlock"] = "10.0.1.0/24", ["VpcId"] = "vpc-1" }), "AWS::EC2::Subnet",
            Desired(new() { ["CidrBlock"] = "10.0.2.0/24", ["VpcId"] = "vpc-1" }), Spec);

        Assert.Equal(ChangeAction.Replace, decision.Action);
        Assert.Contains("CidrBlock [requires replacement]", decision.Reason);
    }

    [Fact]
    public void Decide_ConditionalPropertyChanged_ModifiesButSaysItMayReplace()
    {
        var decision = ChangeDecider.Decide(Record("AWS::EC2::Instance", new() { ["InstanceType"] = "t3.micro" }), "AWS::EC2::Instance",
            Desired(new() { ["InstanceType"] = "t3.small" }), Spec);

        Assert.Equal(ChangeAction.Modify, decision.Action);
        Assert.Equal(ReplacementKind.Conditional, decision.Replacement);
    }

    [Fact]
    public void Decide_ImmutablePropertyNotKnownYet_Replaces()
    {
        var decision = ChangeDecider.Decide(Record("AWS::EC2::Subnet", new() { ["VpcId"] = "vpc-1" }), "AWS::EC2::Subnet",
            Desired(new() { ["VpcId"] = "{{known after apply: Ref Vpc}}" }, "VpcId"), Spec);

        Assert.Equal(ChangeAction.Replace, decision.Action);
        Assert.False(decision.Changes.Single().AfterKnown);
    }

    [Fact]
    public void Decide_OnlyMetadataChanged_ModifiesWithoutTouchingTheCloud()
    {
        var decision = ChangeDecider.Decide(Record("AWS::SQS::Queue", [], new() { ["a"] = 1 }), "AWS::SQS::Queue",
            new ResolvedResource { Properties = [], Metadata = new() { ["a"] = 2 } }, Spec);

        Assert.Equal((ChangeAction.Modify, ChangeScope.Metadata), (decision.Action, decision.Scope));
    }

    [Fact]
    public void Decide_TypeChanged_Replaces()
    {
        var decision = ChangeDecider.Decide(Record("AWS::SQS::Queue", []), "AWS::SNS::Topic", Desired([]), Spec);

        Assert.Equal(ChangeAction.Replace, decision.Action);
        Assert.Contains("Type changes", decision.Reason);
    }

    [Fact]
    public void Decide_PreviousCreateFailedWithPhysicalResource_Replaces()
    {
        var decision = ChangeDecider.Decide(Record("AWS::SQS::Queue", [], status: ResourceStatus.CreateFailed), "AWS::SQS::Queue", Desired([]), Spec);

        Assert.Equal(ChangeAction.Replace, decision.Action);
    }

    [Fact]
    public void Decide_RemovedProperty_CountsAsAChange()
    {
        var decision = ChangeDecider.Decide(Record("AWS::SQS::Queue", new() { ["DelaySeconds"] = 5 }), "AWS::SQS::Queue", Desired([]), Spec);

        Assert.Equal("DelaySeconds", Assert.Single(decision.Changes).Name);
    }
}
