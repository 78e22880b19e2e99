using Strata.Templates.Functions;
using Strata.Templates.Syntax;
using Strata.Templates.Values;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Transforms;

public sealed class ForEachTests
{
    private const string Topics = """
        Transform: AWS::LanguageExtensions
        Resources:
          Fn::ForEach::Topics:
            - TopicName
            - [Success, Failure, Timeout, Unknown]
            - SnsTopic${TopicName}:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Ref TopicName
                  DisplayName: !Sub "${TopicName} topic in ${AWS::Region}"
        """;

    [Fact]
    public void Expand_DocumentedTopicsExample_OneResourcePerItem()
    {
        var t = BuildModel(Topics);
        Assert.Empty(t.Diagnostics);
        Assert.Equal(["SnsTopicSuccess", "SnsTopicFailure", "SnsTopicTimeout", "SnsTopicUnknown"], t.Resources.Select(r => r.LogicalId));
        var props = Assert.IsType<MapValue>(Prepare(Topics).ResolveProperties("SnsTopicFailure").Value);
        Assert.Equal("Failure", Text(props["TopicName"]!));
        Assert.Equal("Failure topic in us-east-1", Text(props["DisplayName"]!));
    }

    [Fact]
    public void Expand_KeepsSourceLines()
    {
        var resource = BuildModel(Topics).Resources["SnsTopicTimeout"]!;
        Assert.Equal(6, resource.KeyLocation.Line);
        Assert.Equal(7, resource.TypeNode!.Location.Line);
        Assert.Equal("Resources/SnsTopicTimeout/Type", resource.TypeNode.Path);
    }

    [Fact]
    public void Expand_CollectionFromCommaDelimitedListParameter_UsesSuppliedValues()
    {
        const string yaml = """
            Transform: AWS::LanguageExtensions
            Parameters:
              Names: { Type: CommaDelimitedList, Default: "a,b" }
            Resources:
              Fn::ForEach::Buckets:
                - Name
                - !Ref Names
                - Bucket${Name}: { Type: AWS::S3::Bucket }
            """;
        Assert.Equal(["Bucketa", "Bucketb"], BuildModel(yaml).Resources.Select(r => r.LogicalId));
        Assert.Equal(["Bucketx", "Buckety", "Bucketz"], BuildModel(yaml, Params(("Names", "x, y,z"))).Resources.Select(r => r.LogicalId));
    }

    [Fact]
    public void Expand_AmpersandForm_DropsNonAlphanumericCharacters()
    {
        const string yaml = """
            Transform: AWS::LanguageExtensions
            Resources:
              Fn::ForEach::Subnets:
                - Cidr
                - ["10.0.2.0/24", "10.0.3.0/24"]
                - Subnet&{Cidr}:
                    Type: AWS::EC2::Subnet
                    Properties:
                      CidrBlock: !Ref Cidr
            """;
        var t = BuildModel(yaml);
        Assert.Equal(["Subnet1002024", "Subnet1003024"], t.Resources.Select(r => r.LogicalId));
        Assert.Equal("10.0.3.0/24", Text(Assert.IsType<MapValue>(Prepare(yaml).ResolveProperties("Subnet1003024").Value)["CidrBlock"]!));
    }

    [Fact]
    public void Expand_Nested_ExpandsInnerLoopPerOuterItem()
    {
        const string yaml = """
            Transform: AWS::LanguageExtensions
            Resources:
              Fn::ForEach::Outer:
                - Env
                - [dev, prod]
                - Fn::ForEach::Inner:
                    - App
                    - [api, web]
                    - ${Env}${App}:
                        Type: AWS::S3::Bucket
                        Properties:
                          BucketName: !Sub "${Env}-${App}"
            """;
        Assert.Equal(["devapi", "devweb", "prodapi", "prodweb"], BuildModel(yaml).Resources.Select(r => r.LogicalId));
        Assert.Equal("prod-web", Text(Assert.IsType<MapValue>(Prepare(yaml).ResolveProperties("prodweb").Value)["BucketName"]!));
    }

    [Fact]
    public void Expand_InOutputsConditionsAndProperties_AllExpand()
    {
        const string yaml = """
            Transform: AWS::LanguageExtensions
            Parameters:
              Env: { Type: String, Default: dev }
            Conditions:
              Fn::ForEach::Envs:
                - E
                - [dev, prod]
                - Is${E}: !Equals [!Ref Env, !Ref E]
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  Fn::ForEach::Attrs:
                    - Key
                    - [Read, Write]
                    - ${Key}Capacity: 5
            Outputs:
              Fn::ForEach::Out:
                - N
                - [A, B]
                - Out${N}:
                    Value: !Sub "${N}-${Table}"
            """;
        var prepared = Prepare(yaml);
        Assert.Equal(["Isdev", "Isprod"], prepared.Template.Conditions.Select(c => c.Name));
        Assert.True(prepared.Conditions["Isdev"]);
        Assert.False(prepared.Conditions["Isprod"]);
        var props = Assert.IsType<MapValue>(prepared.ResolveProperties("Table").Value);
        Assert.Equal(["ReadCapacity", "WriteCapacity"], props.Entries.Select(e => e.Key));
        Assert.Equal(["OutA", "OutB"], prepared.Outputs.Select(o => o.Name));
        Assert.Equal(["Table"], prepared.Graph.OutputDependencies["OutB"]);
    }

    [Fact]
    public void Expand_GetAttWithSubLogicalId_ResolvesAfterExpansion()
    {
        const string yaml = """
            Transform: AWS::LanguageExtensions
            Resources:
              Fn::ForEach::Buckets:
                - Id
                - [A, B]
                - S3Bucket${Id}: { Type: AWS::S3::Bucket }
            Outputs:
              Fn::ForEach::Arns:
                - Id
                - [A, B]
                - Arn${Id}:
                    Value: !GetAtt [!Sub "S3Bucket${Id}", Arn]
            """;
        var prepared = Prepare(yaml);
        Assert.Empty(prepared.Diagnostics);
        Assert.Equal(["S3BucketB"], prepared.Graph.OutputDependencies["ArnB"]);
        var output = prepared.ResolveOutputs().Single(o => o.Name == "ArnB");
        Assert.Equal("S3BucketB.Arn", Assert.IsType<UnknownValue>(output.Value.Value).Source);
    }

    [Theory]
    [InlineData("- [X]", "needs [Identifier")]
    [InlineData("- [X, [a], notamap]", "third item")]
    [InlineData("- [X-Y, [a], { 'K${X}': {Type: A::B::C} }]", "alphanumeric")]
    [InlineData("- [X, notalist, { 'K${X}': {Type: A::B::C} }]", "collection")]
    [InlineData("- [X, [a, b], { Same: {Type: A::B::C} }]", "must include")]
    [InlineData("- [X, [a, a], { 'K${X}': {Type: A::B::C} }]", "already exists")]
    public void Expand_Malformed_ReportsE1032(string loop, string mentioned)
    {
        var yaml = "Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::L:\n    " + loop.Replace("- [", "[", StringComparison.Ordinal) + "\n";
        var d = Assert.Single(BuildModel(yaml).Diagnostics);
        Assert.Equal(FunctionRules.ForEach, d.Rule);
        Assert.Contains(mentioned, d.Message);
    }

    [Fact]
    public void Expand_UndecidableCollection_WarnsAndSkips()
    {
        const string yaml = """
            Transform: AWS::LanguageExtensions
            Parameters:
              Names: { Type: CommaDelimitedList }
            Resources:
              Fn::ForEach::L:
                - N
                - !Ref Names
                - B${N}: { Type: AWS::S3::Bucket }
            """;
        var d = Assert.Single(BuildModel(yaml).Diagnostics);
        Assert.Equal((FunctionRules.ForEach, Diagnostics.Severity.Warning), (d.Rule, d.Severity));
    }

    [Fact]
    public void ForEach_WithoutTransform_ReportsE1032AndIsNotAResource()
    {
        var t = BuildModel(Topics.Replace("Transform: AWS::LanguageExtensions\n", "", StringComparison.Ordinal));
        Assert.Empty(t.Resources);
        var d = Assert.Single(t.Diagnostics);
        Assert.Equal("E1032", d.Rule);
        Assert.Contains("AWS::LanguageExtensions", d.Message);
    }

    [Fact]
    public void Expand_DoesNotChangeTheSourceTree()
    {
        var doc = TemplateParser.ParseText(Topics, "t.yaml");
        var before = TemplateJsonWriter.ToJson(doc.Root!);
        var t = Strata.Templates.Model.TemplateModel.Build(doc);
        Assert.Equal(before, TemplateJsonWriter.ToJson(doc.Root!));
        Assert.Same(doc.Root, t.SourceRoot);
        Assert.NotSame(doc.Root, t.Root);
    }
}
