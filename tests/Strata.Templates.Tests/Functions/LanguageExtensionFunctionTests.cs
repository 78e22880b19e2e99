using Strata.Templates.Values;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Functions;

public sealed class LanguageExtensionFunctionTests
{
    private const string Template = """
        Transform: AWS::LanguageExtensions
        Parameters:
          Names: { Type: CommaDelimitedList, Default: "a,b,c" }
        Resources:
          Web: { Type: AWS::EC2::Instance }
        """;

    [Fact]
    public void Length_DocumentedExample_CountsItems() =>
        Assert.Equal("3", Assert.IsType<NumberValue>(Value("!Length [1, 2, 3]", Template)).Text);

    [Fact]
    public void Length_OfListParameter_CountsItems() =>
        Assert.Equal("3", Assert.IsType<NumberValue>(Value("{ 'Fn::Length': !Ref Names }", Template)).Text);

    [Fact]
    public void Length_OfListWithUnknownItems_IsStillKnown() =>
        Assert.Equal("2", Assert.IsType<NumberValue>(Value("!Length [a, !GetAtt Web.PublicIp]", Template)).Text);

    [Fact]
    public void Length_OfUnknownList_IsUnknownNumber() =>
        Assert.Equal(ExpectedKind.Number, Assert.IsType<UnknownValue>(Value("{ 'Fn::Length': !GetAtt Web.SecurityGroups }", Template)).Expected);

    [Fact]
    public void ToJsonString_DocumentedExample_IsCompactJson() =>
        Assert.Equal("""{"key1":"value1","key2":["a","b"],"n":1,"on":true}""",
            Text(Value("!ToJsonString { key1: value1, key2: [a, b], n: 1, on: true }", Template)));

    [Fact]
    public void ToJsonString_WithPseudoParameter_ResolvesFirst() =>
        Assert.Equal("""["us-east-1"]""", Text(Value("!ToJsonString [!Ref AWS::Region]", Template)));

    [Fact]
    public void ToJsonString_WithUnknown_IsUnknownString() =>
        Assert.Equal(["Web"], Assert.IsType<UnknownValue>(Value("!ToJsonString { ip: !GetAtt Web.PublicIp }", Template)).ResourceDependencies);

    [Fact]
    public void Validate_WithoutTransform_ReportsE1030AndE1031()
    {
        Assert.Equal("E1030", Assert.Single(Validate("!Length [1]")).Rule);
        Assert.Equal("E1031", Assert.Single(Validate("!ToJsonString {a: b}")).Rule);
    }

    [Fact]
    public void Validate_WrongShapes_ReportE1030AndE1031()
    {
        Assert.Equal("E1030", Assert.Single(Validate("!Length abc", Template)).Rule);
        Assert.Equal("E1031", Assert.Single(Validate("!ToJsonString abc", Template)).Rule);
    }

    [Fact]
    public void Transform_IsKeptAsUnknownNamingTheMacro()
    {
        var value = Assert.IsType<UnknownValue>(Value("{ 'Fn::Transform': { Name: AWS::Include, Parameters: { Location: s3://b/k } } }"));
        Assert.Equal(UnknownReason.NotEvaluatedOffline, value.Reason);
        Assert.Contains("AWS::Include", value.Source);
    }

    [Fact]
    public void Transform_WithoutName_ReportsE1001() =>
        Assert.Equal("E1001", Assert.Single(Validate("{ 'Fn::Transform': { Parameters: {} } }")).Rule);
}
