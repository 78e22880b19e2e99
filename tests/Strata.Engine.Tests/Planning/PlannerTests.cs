using System.Text.Json.Nodes;
using Strata.Engine.Definition;
using Strata.Engine.Model;
using Strata.Engine.Planning;
using Strata.Engine.Templating;

namespace Strata.Engine.Tests.Planning;

public class PlannerTests
{
    private const string Network = """
        Parameters:
          Cidr:
            Type: String
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.0.0.0/16
          Subnet:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: !Ref Vpc
              CidrBlock: !Ref Cidr
          Web:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-1
              SubnetId: !Ref Subnet
        """;

    private static IStackDefinition Definition(string template, string cidr) =>
        TemplateDefinitionFactory.Instance.Create(new TemplateSource(template, null), new Dictionary<string, string> { ["Cidr"] = cidr },
            new StackIdentity("s", "arn:aws:cloudformation:us-east-1:123456789012:stack/s/1", "us-east-1", "123456789012")).Definition!;

    private static ResourceRecord Record(string logicalId, string type, string physicalId, JsonObject properties, params string[] dependsOn) => new()
    {
        RecordId = logicalId,
        StackId = "s",
        LogicalId = logicalId,
        Type = type,
        PhysicalId = physicalId,
        Status = ResourceStatus.CreateComplete,
        Properties = StoredJson.From(properties),
        Model = StoredJson.Empty,
        DependsOn = dependsOn,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static List<ResourceRecord> Existing() =>
    [
        Record("Vpc", "AWS::EC2::VPC", "vpc-1", new() { ["CidrBlock"] = "10.0.0.0/16" }),
        Record("Subnet", "AWS::EC2::Subnet", "subnet-1", new() { ["VpcId"] = "vpc-1", ["CidrBlock"] = "10.0.1.0/24" }, "Vpc"),
        Record("Web", "AWS::EC2::Instance", "i-1", new() { ["ImageId"] = "ami-1", ["SubnetId"] = "subnet-1" }, "Subnet"),
    ];

    private static Plan PlanFor(IStackDefinition definition, IReadOnlyList<ResourceRecord> records) =>
        new Planner(SpecReplacementRules.Default).CreatePlan("s", null, records, definition, new LiveState(records, new Dictionary<string, string>()));

    [Fact]
    public void CreatePlan_EmptyStack_AddsEverythingInDependencyOrder()
    {
        var plan = PlanFor(Definition(Network, "10.0.1.0/24"), []);

        Assert.Equal(["Vpc", "Subnet", "Web"], plan.Changes.Select(c => c.LogicalId));
        Assert.All(plan.Changes, c => Assert.Equal(ChangeAction.Add, c.Action));
    }

    [Fact]
    public void CreatePlan_SameTemplate_HasNoChanges()
    {
        var plan = PlanFor(Definition(Network, "10.0.1.0/24"), Existing());

        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void CreatePlan_ReplacedResource_ReplacesWhatReferencesItThroughImmutableProperties()
    {
        var plan = PlanFor(Definition(Network, "10.0.9.0/24"), Existing());

        Assert.Equal([("Subnet", ChangeAction.Replace), ("Web", ChangeAction.Replace)], plan.Changes.Select(c => (c.LogicalId, c.Action)));
        var web = plan.Changes.Last();
        Assert.False(web.PropertyChanges.Single().AfterKnown);
        Assert.Contains("known after apply", web.Reason);
    }

    [Fact]
    public void CreatePlan_ResourcesLeavingTheTemplate_RemovedDependentsFirst()
    {
        var onlyVpc = """
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
            """;
        var definition = TemplateDefinitionFactory.Instance.Create(new TemplateSource(onlyVpc, null), new Dictionary<string, string>(),
            new StackIdentity("s", "arn:aws:cloudformation:us-east-1:123456789012:stack/s/1", "us-east-1", "123456789012")).Definition!;

        var plan = PlanFor(definition, Existing());

        Assert.Equal([("Web", ChangeAction.Remove), ("Subnet", ChangeAction.Remove)], plan.Changes.Select(c => (c.LogicalId, c.Action)));
    }

    [Fact]
    public void RemovalOrder_RecordsWithDependencies_DeletesDependentsBeforeDependencies()
    {
        var order = Planner.RemovalOrder(Existing().OrderBy(r => r.LogicalId).ToList());

        Assert.Equal(["Web", "Subnet", "Vpc"], order.Select(r => r.LogicalId));
    }

    [Fact]
    public void RemovalOrder_OldHalfOfReplacement_GoesAfterWhatDependsOnIt()
    {
        var records = Existing();
        records.Add(records[1] with { RecordId = "Subnet-old", PhysicalId = "subnet-0", IsCurrent = false });

        var order = Planner.RemovalOrder(records).Select(r => r.RecordId).ToList();

        Assert.True(order.IndexOf("Web") < order.IndexOf("Subnet-old"));
        Assert.True(order.IndexOf("Subnet-old") < order.IndexOf("Vpc"));
    }
}
