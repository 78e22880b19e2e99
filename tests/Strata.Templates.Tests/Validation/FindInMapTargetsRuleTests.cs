using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

public class FindInMapTargetsRuleTests
{
    private const string Template = """
        Mappings:
          Regions:
            us-east-1:
              Ami: ami-0123456789abcdef0
        Resources:
          Topic:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: !FindInMap [{0}]
        """;

    [Theory]
    [InlineData("Region, us-east-1, Ami", "mapping 'Region'", 9, 30)]
    [InlineData("Regions, us-west-2, Ami", "top-level key 'us-west-2'", 9, 39)]
    [InlineData("Regions, us-east-1, ami", "key 'ami' under 'us-east-1'", 9, 50)]
    public void Validate_MissingMappingOrKey_ReportsE1011AtTheName(string arguments, string expected, int line, int column)
    {
        var result = ValidationKit.Validate(Template.Replace("{0}", arguments, StringComparison.Ordinal));

        var finding = result.Single(ValidationRules.FindInMap);
        Assert.Contains(expected, finding.Message);
        Assert.Equal(new Strata.Templates.Syntax.SourceLocation(line, column), finding.Location);
    }

    [Theory]
    [InlineData("Regions, us-east-1, Ami")]
    [InlineData("Regions, !Ref \"AWS::Region\", Ami")]
    public void Validate_ExistingOrComputedKeys_ReportNothing(string arguments)
    {
        ValidationKit.Validate(Template.Replace("{0}", arguments, StringComparison.Ordinal)).None(ValidationRules.FindInMap);
    }
}
