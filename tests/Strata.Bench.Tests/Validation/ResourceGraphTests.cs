using Strata.Bench.Measurement;
using Strata.Templates.Model;
using Strata.Templates.Syntax;

namespace Strata.Bench.Tests.Validation;

public sealed class ResourceGraphTests
{
    private static ResourceGraph Build(string yaml) => ResourceGraph.Build(TemplateModel.Build(TemplateParser.ParseText(yaml, "graph.yaml")));

    [Fact]
    public void Build_DependsOnRefGetAttAndSub_OneEdgePerDistinctTarget()
    {
        var graph = Build("""
            Parameters:
              Name: { Type: String }
            Resources:
              Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
              Queue: { Type: AWS::SQS::Queue, Properties: { QueueName: !Ref Name } }
              Subnet:
                Type: AWS::EC2::Subnet
                DependsOn: Queue
                Properties: { VpcId: !Ref Vpc, CidrBlock: !GetAtt Vpc.CidrBlock }
              Topic:
                Type: AWS::SNS::Topic
                Properties: { TopicName: !Sub "${Subnet}-${Queue.Arn}-${AWS::Region}-${Name}" }
            """);

        // Subnet → Queue, Vpc (twice, counted once); Topic → Subnet, Queue; the parameter and pseudo parameter are no resources.
        Assert.Equal((4, 4, 4), (graph.Nodes, graph.Edges, graph.Ordered));
    }

    [Fact]
    public void Build_Cycle_FewerOrderedThanNodes()
    {
        var graph = Build("""
            Resources:
              A: { Type: AWS::SQS::Queue, Properties: { QueueName: !GetAtt B.QueueName } }
              B: { Type: AWS::SQS::Queue, Properties: { QueueName: !GetAtt A.QueueName } }
              C: { Type: AWS::SQS::Queue, Properties: { QueueName: !GetAtt A.QueueName } }
            """);

        Assert.Equal((3, 3, 0), (graph.Nodes, graph.Edges, graph.Ordered));
    }

    [Fact]
    public void Build_SelfReference_NoEdge()
    {
        var graph = Build("""
            Resources:
              A: { Type: AWS::SQS::Queue, Properties: { QueueName: !Sub "${A.Arn}" } }
            """);

        Assert.Equal((1, 0, 1), (graph.Nodes, graph.Edges, graph.Ordered));
    }
}
