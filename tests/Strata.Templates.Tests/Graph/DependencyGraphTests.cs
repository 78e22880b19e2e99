using System.Text;
using Strata.Templates.Graph;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Graph;

public sealed class DependencyGraphTests
{
    private const string Web = """
        Parameters:
          Env: { Type: String, Default: prod }
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          IsDev: !Equals [!Ref Env, dev]
        Resources:
          Instance:
            Type: AWS::EC2::Instance
            Properties:
              SubnetId: !Ref Subnet
              SecurityGroupIds: [!GetAtt Sg.GroupId]
              UserData: !Base64 { 'Fn::Sub': 'echo ${Bucket.Arn} ${Env}' }
          Sg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              VpcId: !Ref Vpc
          Subnet:
            Type: AWS::EC2::Subnet
            DependsOn: Vpc
            Properties:
              VpcId: !Ref Vpc
          Vpc:
            Type: AWS::EC2::VPC
          Bucket:
            Type: AWS::S3::Bucket
            Condition: IsProd
          DevOnly:
            Type: AWS::S3::Bucket
            Condition: IsDev
          Alarm:
            Type: AWS::CloudWatch::Alarm
            Properties:
              Dimensions: !If [IsDev, [!Ref DevOnly], [!Ref Instance]]
        Outputs:
          Ip:
            Value: !GetAtt Instance.PublicIp
          Dev:
            Condition: IsDev
            Value: !Ref DevOnly
        """;

    [Fact]
    public void Build_RefGetAttSubDependsOn_AllBecomeEdges()
    {
        var graph = Prepare(Web).Graph;
        Assert.Equal(["Subnet", "Sg", "Bucket"], graph.DependenciesOf("Instance"));
        Assert.Equal(["Vpc"], graph.DependenciesOf("Subnet"));
        var kinds = graph.Edges.Where(e => e.From == "Instance").Select(e => (e.To, e.Kind));
        Assert.Equal([("Subnet", DependencyKind.Ref), ("Sg", DependencyKind.GetAtt), ("Bucket", DependencyKind.Sub)], kinds);
    }

    [Fact]
    public void Build_SameResourceReferencedSeveralWays_IsOneDependency()
    {
        const string yaml = """
            Resources:
              Topic: { Type: AWS::SNS::Topic }
              Queue:
                Type: AWS::SQS::Queue
                DependsOn: [Topic, Topic]
                Properties:
                  QueueName: !Join ["-", [!Ref Topic, !GetAtt Topic.TopicName, !Sub "${Topic}"]]
            """;

        var prepared = Prepare(yaml);

        Assert.Equal(["Topic"], prepared.Graph.DependenciesOf("Queue"));
        Assert.Equal(["Topic"], prepared.Resources.Single(r => r.LogicalId == "Queue").Dependencies);
    }

    [Fact]
    public void Build_FalseCondition_LeavesResourceAndPrunedBranchOut()
    {
        var graph = Prepare(Web).Graph;
        Assert.False(graph.Contains("DevOnly"));
        Assert.Equal(["Instance"], graph.DependenciesOf("Alarm"));
        Assert.Equal(["Instance"], graph.OutputDependencies["Ip"]);
        Assert.False(graph.OutputDependencies.ContainsKey("Dev"));
    }

    [Fact]
    public void Build_WithoutConditions_KeepsEverythingAndBothBranches()
    {
        var graph = DependencyGraph.Build(BuildModel(Web));
        Assert.True(graph.Contains("DevOnly"));
        Assert.Equal(["DevOnly", "Instance"], graph.DependenciesOf("Alarm"));
    }

    [Fact]
    public void CreationOrder_PutsDependenciesFirst_DeletionOrderReverses()
    {
        var graph = Prepare(Web).Graph;
        var order = graph.CreationOrder.ToList();
        Assert.Equal(["Vpc", "Sg", "Subnet", "Bucket", "Instance", "Alarm"], order);
        Assert.Equal(Enumerable.Reverse(order), graph.DeletionOrder);
        foreach (var edge in graph.Edges)
        {
            Assert.True(order.IndexOf(edge.To) < order.IndexOf(edge.From), $"{edge.From} before {edge.To}");
        }
    }

    [Fact]
    public void Dependents_DirectAndTransitive()
    {
        var graph = Prepare(Web).Graph;
        Assert.Equal(["Sg", "Subnet"], graph.DependentsOf("Vpc"));
        Assert.Equal(["Alarm", "Instance", "Sg", "Subnet"], graph.TransitiveDependentsOf("Vpc").Order());
    }

    [Fact]
    public void Build_Cycle_ReportsWholePathAsE3004()
    {
        const string yaml = """
            Resources:
              A: { Type: X::Y::Z, Properties: { P: !Ref B } }
              B: { Type: X::Y::Z, Properties: { P: !GetAtt C.Arn } }
              C: { Type: X::Y::Z, DependsOn: A }
              D: { Type: X::Y::Z, Properties: { P: !Ref A } }
            """;
        var graph = Prepare(yaml).Graph;
        Assert.Equal("A -> B -> C -> A", Assert.Single(graph.Cycles).ToString());
        var d = Assert.Single(graph.Diagnostics);
        Assert.Equal(GraphRules.CircularDependency, d.Rule);
        Assert.Contains("A -> B -> C -> A", d.Message);
        Assert.Equal("Resources/A", d.Path);
        Assert.Equal(2, d.Location.Line);
        Assert.Equal(4, graph.CreationOrder.Count);
    }

    [Fact]
    public void Build_SelfReference_IsACycle() =>
        Assert.Equal("A -> A", Assert.Single(Prepare("Resources:\n  A: { Type: X::Y::Z, Properties: { P: !Sub '${A.Arn}' } }\n").Graph.Cycles).ToString());

    [Fact]
    public void Build_TwoSeparateCycles_ReportsBoth()
    {
        var graph = Prepare("Resources:\n  A: { Type: X::Y::Z, DependsOn: B }\n  B: { Type: X::Y::Z, DependsOn: A }\n  C: { Type: X::Y::Z, DependsOn: D }\n  D: { Type: X::Y::Z, DependsOn: C }\n").Graph;
        Assert.Equal(["A -> B -> A", "C -> D -> C"], graph.Cycles.Select(c => c.ToString()));
    }

    [Fact]
    public void Build_DependsOnMissing_ReportsE3005()
    {
        var d = Assert.Single(Prepare("Resources:\n  A: { Type: X::Y::Z, DependsOn: [Nope] }\n").Graph.Diagnostics);
        Assert.Equal((GraphRules.DependsOnTarget, "Resources/A/DependsOn/0"), (d.Rule, d.Path));
    }

    [Fact]
    public void Build_DependsOnExcludedResource_ReportsE3005()
    {
        var yaml = Web.Replace("Outputs:", "  Extra: { Type: X::Y::Z, DependsOn: DevOnly }\nOutputs:", StringComparison.Ordinal);
        var d = Assert.Single(Prepare(yaml).Graph.Diagnostics);
        Assert.Equal(GraphRules.DependsOnTarget, d.Rule);
        Assert.Contains("condition", d.Message);
    }

    [Fact]
    public void Build_UndecidedCondition_KeepsResourceAsConditional()
    {
        const string yaml = """
            Parameters:
              Ami: { Type: "AWS::SSM::Parameter::Value<String>", Default: /a }
            Conditions:
              Custom: !Equals [!Ref Ami, x]
            Resources:
              A: { Type: X::Y::Z, Condition: Custom }
              B: { Type: X::Y::Z, Properties: { P: !If [Custom, !Ref A, none] } }
            """;
        var prepared = Prepare(yaml);
        Assert.True(prepared.Graph.IsConditional("A"));
        Assert.False(prepared.Graph.IsConditional("B"));
        Assert.Equal(["A"], prepared.Graph.DependenciesOf("B"));
    }

    [Fact]
    public void Build_LongChainOf10000_OrdersWithoutRecursion()
    {
        var yaml = new StringBuilder("Resources:\n");
        const int count = 10_000;
        for (var i = 0; i < count; i++)
        {
            yaml.Append("  R").Append(i).Append(": { Type: X::Y::Z");
            if (i > 0)
            {
                yaml.Append(", Properties: { P: !Ref R").Append(i - 1).Append(" }");
            }

            yaml.Append(" }\n");
        }

        yaml.Append("  R0x: { Type: X::Y::Z, DependsOn: R").Append(count - 1).Append(" }\n");
        var graph = DependencyGraph.Build(BuildModel(yaml.ToString()));
        Assert.Equal(count + 1, graph.CreationOrder.Count);
        Assert.Equal("R0", graph.CreationOrder[0]);
        Assert.Equal("R0x", graph.CreationOrder[^1]);
        Assert.Empty(graph.Cycles);
    }

    [Fact]
    public void Build_LongCycleOf10000_FindsItIteratively()
    {
        var yaml = new StringBuilder("Resources:\n");
        const int count = 10_000;
        for (var i = 0; i < count; i++)
        {
            yaml.Append("  R").Append(i).Append(": { Type: X::Y::Z, DependsOn: R").Append((i + 1) % count).Append(" }\n");
        }

        var cycle = Assert.Single(DependencyGraph.Build(BuildModel(yaml.ToString())).Cycles);
        Assert.Equal(count + 1, cycle.Path.Count);
        Assert.Equal("R0", cycle.Path[0]);
        Assert.Equal("R1", cycle.Path[1]);
    }
}
