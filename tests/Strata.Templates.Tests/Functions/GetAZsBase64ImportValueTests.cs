using Strata.Templates.Evaluation;
using Strata.Templates.Values;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Functions;

public sealed class GetAZsBase64ImportValueTests
{
    private const string Template = """
        Parameters:
          Net: { Type: String, Default: Shared }
        Resources:
          Web: { Type: AWS::EC2::Instance }
        """;

    [Theory]
    [InlineData("!GetAZs ''")]
    [InlineData("!GetAZs")]
    [InlineData("!GetAZs { Ref: 'AWS::Region' }")]
    [InlineData("{ 'Fn::GetAZs': '' }")]
    public void GetAZs_CurrentRegionForms_ReturnSixZonesInUsEast1(string expression) =>
        Assert.Equal(["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"], Texts(Value(expression)));

    [Fact]
    public void GetAZs_NamedRegion_ReturnsItsZones() =>
        Assert.Equal(["us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d"], Texts(Value("!GetAZs us-west-2")));

    [Fact]
    public void GetAZs_UnlistedRegion_ReturnsThreeZones() =>
        Assert.Equal(["xx-test-9a", "xx-test-9b", "xx-test-9c"], Texts(Value("!GetAZs xx-test-9")));

    [Fact]
    public void GetAZs_StackRegion_FollowsPseudoParameters() =>
        Assert.Equal(["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"], Texts(Value("!GetAZs ''", pseudo: new() { Region = "ap-northeast-1" })));

    [Theory]
    [InlineData("!GetAZs [a]")]
    [InlineData("!GetAZs { a: b }")]
    public void GetAZs_Validate_WrongShape_ReportsE1015(string expression) =>
        Assert.Equal("E1015", Assert.Single(Validate(expression)).Rule);

    [Fact]
    public void Base64_DocumentedExample_EncodesUtf8() =>
        Assert.Equal("QVdTIENsb3VkRm9ybWF0aW9u", Text(Value("!Base64 AWS CloudFormation")));

    [Fact]
    public void Base64_OfSubWithUnknown_IsUnknownString()
    {
        var value = Assert.IsType<UnknownValue>(Value("!Base64 { 'Fn::Sub': 'ip=${Web.PublicIp}' }", Template));
        Assert.Equal(ExpectedKind.String, value.Expected);
        Assert.Equal(["Web"], value.ResourceDependencies);
    }

    [Theory]
    [InlineData("!Base64 [a]")]
    [InlineData("{ 'Fn::Base64': null }")]
    public void Base64_Validate_WrongShape_ReportsE1021(string expression) =>
        Assert.Equal("E1021", Assert.Single(Validate(expression)).Rule);

    [Fact]
    public void ImportValue_Resolvable_ReturnsExport()
    {
        var state = new ResourceState().WithExport("Shared-VpcId", "vpc-123");
        Assert.Equal("vpc-123", Text(Value("!ImportValue { 'Fn::Sub': '${Net}-VpcId' }", Template, state: state)));
    }

    [Fact]
    public void ImportValue_NotResolvable_IsUnknownNamingTheExport()
    {
        var value = Assert.IsType<UnknownValue>(Value("!ImportValue Shared-VpcId", Template));
        Assert.Equal(UnknownReason.ImportNotResolved, value.Reason);
        Assert.Contains("Shared-VpcId", value.Source);
    }

    [Fact]
    public void ImportValue_Validate_DependingOnResource_ReportsE1016() =>
        Assert.Equal("E1016", Assert.Single(Validate("!ImportValue { 'Fn::Sub': '${Web}-x' }", Template)).Rule);

    [Fact]
    public void ImportValue_Validate_WrongShape_ReportsE1016() =>
        Assert.Equal("E1016", Assert.Single(Validate("!ImportValue [a]", Template)).Rule);
}
