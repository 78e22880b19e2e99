using Strata.Templates.Model;
using Strata.Templates.Values;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Functions;

public sealed class RuleFunctionTests
{
    private const string Template = """
        Parameters:
          Env: { Type: String, Default: prod }
          Subnets: { Type: "List<AWS::EC2::Subnet::Id>", Default: "subnet-01234567,subnet-89abcdef" }
        Rules:
          ProdInstances:
            RuleCondition: !Equals [!Ref Env, prod]
            Assertions:
              - Assert: !Contains [[prod, test], !Ref Env]
                AssertDescription: Env must be prod or test
        Resources:
          Web: { Type: AWS::EC2::Instance }
        """;

    [Fact]
    public void Contains_DocumentedForm_IsTrueWhenPresent()
    {
        Assert.Equal(BooleanValue.True, Value("!Contains [[prod, test], !Ref Env]", Template));
        Assert.Equal(BooleanValue.False, Value("!Contains [[dev], !Ref Env]", Template));
    }

    [Fact]
    public void EachMemberEquals_ChecksEveryItem()
    {
        Assert.Equal(BooleanValue.True, Value("!EachMemberEquals [[a, a], a]"));
        Assert.Equal(BooleanValue.False, Value("!EachMemberEquals [[a, b], a]"));
    }

    [Fact]
    public void EachMemberIn_ChecksEveryItemIsAllowed()
    {
        Assert.Equal(BooleanValue.True, Value("!EachMemberIn [!Ref Subnets, [subnet-01234567, subnet-89abcdef, subnet-x]]", Template));
        Assert.Equal(BooleanValue.False, Value("!EachMemberIn [!Ref Subnets, [subnet-01234567]]", Template));
    }

    [Fact]
    public void RefAllAndValueOf_AreUnknownOffline()
    {
        Assert.Equal(ExpectedKind.List, Assert.IsType<UnknownValue>(Value("!RefAll AWS::EC2::VPC::Id")).Expected);
        Assert.Equal(UnknownReason.NotEvaluatedOffline, Assert.IsType<UnknownValue>(Value("!ValueOf [Subnets, VpcId]", Template)).Reason);
        Assert.Equal(ExpectedKind.List, Assert.IsType<UnknownValue>(Value("!ValueOfAll [AWS::EC2::Subnet::Id, VpcId]")).Expected);
    }

    [Fact]
    public void Model_Rules_AreParsedWithAssertions()
    {
        var rule = Assert.Single(Evaluation.Fixtures.BuildModel(Template).Rules);
        Assert.Equal("ProdInstances", rule.Name);
        Assert.NotNull(rule.RuleCondition);
        Assert.Equal("Env must be prod or test", Assert.Single(rule.Assertions).AssertDescription);
    }

    [Theory]
    [InlineData("!Contains [[a]]")]
    [InlineData("!EachMemberEquals a")]
    [InlineData("!EachMemberIn [[a]]")]
    [InlineData("!RefAll [a]")]
    [InlineData("!ValueOf [Env]")]
    public void Validate_WrongShape_ReportsE1701(string expression) =>
        Assert.Equal("E1701", Assert.Single(Validate(expression, Template, TemplateSection.Rules)).Rule);

    [Fact]
    public void Validate_OutsideRules_ReportsE1701() =>
        Assert.Equal("E1701", Assert.Single(Validate("!Contains [[a], a]", Template, TemplateSection.Resources)).Rule);

    [Fact]
    public void Validate_ValueOfUnknownParameter_ReportsE1701() =>
        Assert.Equal("E1701", Assert.Single(Validate("!ValueOf [Nope, VpcId]", Template, TemplateSection.Rules)).Rule);
}
