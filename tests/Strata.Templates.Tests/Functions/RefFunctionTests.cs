using Strata.Templates.Evaluation;
using Strata.Templates.Functions;
using Strata.Templates.Model;
using Strata.Templates.Values;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Functions;

public sealed class RefFunctionTests
{
    private const string Template = """
        Parameters:
          Env: { Type: String, Default: dev }
          Subnets: { Type: CommaDelimitedList, Default: "a, b" }
        Resources:
          Web:
            Type: AWS::EC2::Instance
        """;

    [Fact]
    public void Evaluate_ParameterWithDefault_ReturnsDefault() =>
        Assert.Equal("dev", Text(Value("!Ref Env", Template)));

    [Fact]
    public void Evaluate_SuppliedParameter_ReturnsSuppliedValue() =>
        Assert.Equal("prod", Text(Value("!Ref Env", Template, Params(("Env", "prod")))));

    [Fact]
    public void Evaluate_ListParameter_ReturnsTrimmedList() =>
        Assert.Equal(["a", "b"], Texts(Value("!Ref Subnets", Template)));

    [Fact]
    public void Evaluate_ResourceNotCreated_ReturnsUnknownStringDependingOnResource()
    {
        var value = Assert.IsType<UnknownValue>(Value("!Ref Web", Template));
        Assert.Equal(ExpectedKind.String, value.Expected);
        Assert.Equal(["Web"], value.ResourceDependencies);
        Assert.Equal(UnknownReason.ResourceNotCreated, value.Reason);
        Assert.Equal("Ref Web", value.Source);
    }

    [Fact]
    public void Evaluate_ResourceCreated_ReturnsPhysicalId()
    {
        var state = new ResourceState().WithResource("Web", "i-0abc");
        Assert.Equal("i-0abc", Text(Value("!Ref Web", Template, state: state)));
    }

    [Theory]
    [InlineData("AWS::Region", "eu-west-1")]
    [InlineData("AWS::AccountId", "111122223333")]
    [InlineData("AWS::StackName", "web")]
    [InlineData("AWS::Partition", "aws")]
    [InlineData("AWS::URLSuffix", "amazonaws.com")]
    [InlineData("AWS::StackId", "arn:aws:cloudformation:eu-west-1:111122223333:stack/web/00000000-0000-0000-0000-000000000000")]
    public void Evaluate_PseudoParameter_ReturnsStackValue(string name, string expected)
    {
        var pseudo = new PseudoParameters { Region = "eu-west-1", AccountId = "111122223333", StackName = "web" };
        Assert.Equal(expected, Text(Value("!Ref " + name, Template, pseudo: pseudo)));
    }

    [Theory]
    [InlineData("cn-north-1", "aws-cn", "amazonaws.com.cn")]
    [InlineData("us-gov-west-1", "aws-us-gov", "amazonaws.com")]
    public void Evaluate_PartitionInOtherPartitions_FollowsRegion(string region, string partition, string suffix)
    {
        var pseudo = new PseudoParameters { Region = region };
        Assert.Equal(partition, Text(Value("!Ref AWS::Partition", pseudo: pseudo)));
        Assert.Equal(suffix, Text(Value("!Ref AWS::URLSuffix", pseudo: pseudo)));
    }

    [Fact]
    public void Evaluate_NotificationArns_ReturnsList()
    {
        var pseudo = new PseudoParameters { NotificationArns = ["arn:aws:sns:us-east-1:123456789012:topic"] };
        Assert.Equal(["arn:aws:sns:us-east-1:123456789012:topic"], Texts(Value("!Ref AWS::NotificationARNs", pseudo: pseudo)));
    }

    [Fact]
    public void Evaluate_NoValueInMap_RemovesTheProperty()
    {
        var value = Assert.IsType<MapValue>(Value("{ A: 1, B: !Ref AWS::NoValue }"));
        Assert.Equal(["A"], value.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Evaluate_NoValueInList_RemovesTheItem() =>
        Assert.Equal(["a", "c"], Texts(Value("[a, !Ref AWS::NoValue, c]")));

    [Fact]
    public void Evaluate_UnknownName_ReportsE1020AndReturnsErrorUnknown()
    {
        var result = Eval("!Ref Nope", Template);
        Assert.Equal(UnknownReason.Error, Assert.IsType<UnknownValue>(result.Value).Reason);
        Assert.Equal("E1020", Assert.Single(result.Diagnostics).Rule);
    }

    [Fact]
    public void Validate_UnknownTarget_ReportsE1020WithPath()
    {
        var d = Assert.Single(Validate("!Ref Nope", Template));
        Assert.Equal(FunctionRules.Ref, d.Rule);
        Assert.Contains("'Nope'", d.Message);
        Assert.Equal("Value/Ref", d.Path);
        Assert.Equal(1, d.Location.Line);
    }

    [Fact]
    public void Validate_ResourceInConditions_ReportsE1020() =>
        Assert.Equal("E1020", Assert.Single(Validate("!Ref Web", Template, TemplateSection.Conditions)).Rule);

    [Theory]
    [InlineData("!Ref Env")]
    [InlineData("!Ref Web")]
    [InlineData("!Ref AWS::Region")]
    public void Validate_ExistingTargets_ReportsNothing(string expression) =>
        Assert.Empty(Validate(expression, Template));

    [Theory]
    [InlineData("{ Ref: [a] }")]
    [InlineData("{ Ref: '' }")]
    [InlineData("{ Ref: 3 }")]
    public void Validate_NotAName_ReportsE1020(string expression) =>
        Assert.Equal("E1020", Assert.Single(Validate(expression, Template)).Rule);

    [Fact]
    public void Accept_Ref_ReportsTarget()
    {
        var ref_ = Assert.IsType<RefFunction>(Expr("!Ref Web"));
        Assert.Equal("Web", ref_.Target);
        Assert.False(ref_.IsPseudoParameter);
        Assert.True(Assert.IsType<RefFunction>(Expr("!Ref AWS::Region")).IsPseudoParameter);
    }
}
