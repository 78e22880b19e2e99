using Strata.Templates.Values;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Functions;

public sealed class JoinFunctionTests
{
    private const string Template = """
        Parameters:
          Names: { Type: CommaDelimitedList, Default: "x,y" }
        Resources:
          Web: { Type: AWS::EC2::Instance }
        """;

    [Fact]
    public void Evaluate_DocumentedExample_JoinsWithDelimiter() =>
        Assert.Equal("a:b:c", Text(Value("!Join [':', [a, b, c]]")));

    [Fact]
    public void Evaluate_DocumentedArnExample_JoinsPseudoParameters() =>
        Assert.Equal("arn:aws:s3:::elasticbeanstalk-*-123456789012",
            Text(Value("!Join ['', ['arn:', !Ref AWS::Partition, ':s3:::elasticbeanstalk-*-', !Ref AWS::AccountId]]")));

    [Fact]
    public void Evaluate_EmptyDelimiter_Concatenates() =>
        Assert.Equal("ab", Text(Value("!Join ['', [a, b]]")));

    [Fact]
    public void Evaluate_NumbersAndBooleans_UseTheirText() =>
        Assert.Equal("1-true-0.10", Text(Value("!Join ['-', [1, true, 0.10]]")));

    [Fact]
    public void Evaluate_ListFromRef_JoinsParameterList() =>
        Assert.Equal("x|y", Text(Value("!Join ['|', !Ref Names]", Template)));

    [Fact]
    public void Evaluate_UnknownItem_ReturnsUnknownStringWithSameDependencies()
    {
        var value = Assert.IsType<UnknownValue>(Value("!Join ['', ['http://', !GetAtt Web.PublicDnsName]]", Template));
        Assert.Equal(ExpectedKind.String, value.Expected);
        Assert.Equal(["Web"], value.ResourceDependencies);
        Assert.Contains("Web.PublicDnsName", value.Source);
    }

    [Fact]
    public void Evaluate_ListItem_ReportsE1022() =>
        Assert.Equal("E1022", Assert.Single(Eval("!Join ['', [a, [b]]]").Diagnostics).Rule);

    [Theory]
    [InlineData("!Join [',']")]
    [InlineData("!Join [',', a]")]
    [InlineData("!Join [[','], [a]]")]
    [InlineData("!Join ','")]
    public void Validate_WrongShape_ReportsE1022(string expression) =>
        Assert.Equal("E1022", Assert.Single(Validate(expression)).Rule);
}
