using Strata.Templates.Values;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Functions;

public sealed class SelectSplitFunctionTests
{
    private const string Template = """
        Parameters:
          DbSubnetIpBlocks: { Type: CommaDelimitedList, Default: "10.0.48.0/24, 10.0.112.0/24, 10.0.176.0/24" }
        Resources:
          Web: { Type: AWS::EC2::Instance }
        """;

    [Fact]
    public void Select_DocumentedFruitExample_ReturnsSecondItem() =>
        Assert.Equal("grapes", Text(Value("!Select ['1', [apples, grapes, oranges, mangoes]]")));

    [Fact]
    public void Select_DocumentedCommaDelimitedListExample_ReturnsTrimmedItem() =>
        Assert.Equal("10.0.112.0/24", Text(Value("!Select [1, !Ref DbSubnetIpBlocks]", Template)));

    [Fact]
    public void Select_DocumentedGetAZsExample_ReturnsFirstZone() =>
        Assert.Equal("us-east-1a", Text(Value("!Select [0, !GetAZs '']")));

    [Fact]
    public void Select_OutOfRange_ReportsE1017() =>
        Assert.Equal("E1017", Assert.Single(Eval("!Select [4, [a, b]]").Diagnostics).Rule);

    [Fact]
    public void Select_FromUnknownList_IsUnknownDependingOnResource()
    {
        var value = Assert.IsType<UnknownValue>(Value("!Select [0, !GetAtt Web.SecurityGroups]", Template));
        Assert.Equal(["Web"], value.ResourceDependencies);
    }

    [Fact]
    public void Select_KnownItemOfPartlyKnownList_IsKnown() =>
        Assert.Equal("a", Text(Value("!Select [0, [a, !GetAtt Web.PublicIp]]", Template)));

    [Theory]
    [InlineData("!Select [-1, [a]]")]
    [InlineData("!Select [x, [a]]")]
    [InlineData("!Select [2, [a, b]]")]
    [InlineData("!Select [0]")]
    [InlineData("!Select [0, a]")]
    [InlineData("!Select [[0], [a]]")]
    public void Select_Validate_WrongArguments_ReportsE1017(string expression) =>
        Assert.Equal("E1017", Assert.Single(Validate(expression)).Rule);

    [Fact]
    public void Split_DocumentedExample_SplitsOnDelimiter() =>
        Assert.Equal(["a", "b", "c"], Texts(Value("!Split ['|', 'a|b|c']")));

    [Fact]
    public void Split_DocumentedEmptyItemsExample_KeepsEmptyStrings() =>
        Assert.Equal(["a", "", "c", ""], Texts(Value("!Split ['|', 'a||c|']")));

    [Fact]
    public void Split_SelectOfStackId_ReturnsStackName() =>
        Assert.Equal("strata-stack", Text(Value("!Select [1, !Split ['/', !Ref AWS::StackId]]")));

    [Fact]
    public void Split_UnknownSource_IsUnknownList()
    {
        var value = Assert.IsType<UnknownValue>(Value("!Split [',', !GetAtt Web.PublicIp]", Template));
        Assert.Equal(ExpectedKind.List, value.Expected);
    }

    [Theory]
    [InlineData("!Split [',']")]
    [InlineData("!Split ['', 'a']")]
    [InlineData("!Split [!Ref AWS::Region, 'a']")]
    [InlineData("!Split [',', [a]]")]
    public void Split_Validate_WrongArguments_ReportsE1018(string expression) =>
        Assert.Equal("E1018", Assert.Single(Validate(expression)).Rule);
}
