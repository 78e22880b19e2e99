using Strata.Templates.Values;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Functions;

public sealed class FindInMapFunctionTests
{
    private const string Template = """
        Parameters:
          Env: { Type: String, Default: dev }
        Mappings:
          RegionMap:
            us-east-1:
              HVM64: ami-0ff8a91507f77f867
              HVMG2: ami-0a584ac55a7631c0c
            us-west-1:
              HVM64: ami-0bdb828fd58c52235
          Sizes:
            dev: { Zones: [a, b], Count: 2 }
        Resources:
          Web: { Type: AWS::EC2::Instance }
        """;

    private const string WithExtensions = "Transform: AWS::LanguageExtensions\n" + Template;

    [Fact]
    public void Evaluate_DocumentedRegionMapExample_ReturnsAmi() =>
        Assert.Equal("ami-0ff8a91507f77f867", Text(Value("!FindInMap [RegionMap, !Ref AWS::Region, HVM64]", Template)));

    [Fact]
    public void Evaluate_OtherRegion_FollowsPseudoParameter() =>
        Assert.Equal("ami-0bdb828fd58c52235",
            Text(Value("!FindInMap [RegionMap, !Ref AWS::Region, HVM64]", Template, pseudo: new() { Region = "us-west-1" })));

    [Fact]
    public void Evaluate_ListAndNumberValues_KeepTheirTypes()
    {
        Assert.Equal(["a", "b"], Texts(Value("!FindInMap [Sizes, !Ref Env, Zones]", Template)));
        Assert.Equal("2", Assert.IsType<NumberValue>(Value("!FindInMap [Sizes, dev, Count]", Template)).Text);
    }

    [Fact]
    public void Evaluate_MissingKey_ReportsE1011()
    {
        var result = Eval("!FindInMap [RegionMap, eu-west-1, HVM64]", Template);
        Assert.Contains("eu-west-1", Assert.Single(result.Diagnostics).Message);
        Assert.Equal("E1011", result.Diagnostics[0].Rule);
    }

    [Fact]
    public void Evaluate_MissingKeyWithDefaultValue_ReturnsDefault() =>
        Assert.Equal("ami-default",
            Text(Value("!FindInMap [RegionMap, eu-west-1, HVM64, { DefaultValue: ami-default }]", WithExtensions)));

    [Fact]
    public void Evaluate_PresentKeyWithDefaultValue_ReturnsMappedValue() =>
        Assert.Equal("ami-0a584ac55a7631c0c",
            Text(Value("!FindInMap [RegionMap, us-east-1, HVMG2, { DefaultValue: ami-default }]", WithExtensions)));

    [Fact]
    public void Evaluate_UnknownKey_IsUnknown()
    {
        var value = Assert.IsType<UnknownValue>(Value("!FindInMap [RegionMap, !GetAtt Web.AvailabilityZone, HVM64]", Template));
        Assert.Equal(["Web"], value.ResourceDependencies);
    }

    [Theory]
    [InlineData("!FindInMap [Nope, a, b]", "'Nope'")]
    [InlineData("!FindInMap [RegionMap, eu-west-1, HVM64]", "'eu-west-1'")]
    [InlineData("!FindInMap [RegionMap, us-east-1, Nope]", "'Nope'")]
    [InlineData("!FindInMap [RegionMap, us-east-1]", "[MapName")]
    [InlineData("!FindInMap [RegionMap, us-east-1, HVM64, { Other: x }]", "DefaultValue")]
    [InlineData("!FindInMap [RegionMap, [a], HVM64]", "item 2")]
    public void Validate_Problems_ReportE1011(string expression, string mentioned)
    {
        var d = Assert.Single(Validate(expression, Template));
        Assert.Equal("E1011", d.Rule);
        Assert.Contains(mentioned, d.Message);
    }

    [Fact]
    public void Validate_DefaultValueWithoutTransform_ReportsE1011() =>
        Assert.Contains("AWS::LanguageExtensions", Assert.Single(Validate("!FindInMap [RegionMap, x, y, { DefaultValue: z }]", Template)).Message);

    [Fact]
    public void Validate_DefaultValueWithTransform_ReportsNothing() =>
        Assert.Empty(Validate("!FindInMap [RegionMap, x, y, { DefaultValue: z }]", WithExtensions));
}
