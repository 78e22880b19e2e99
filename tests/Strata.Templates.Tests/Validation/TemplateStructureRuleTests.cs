using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

public class TemplateStructureRuleTests
{
    [Fact]
    public void Validate_UnknownTopLevelSection_ReportsE1001AtTheKey()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            Output:
              X:
                Value: 1
            """);

        var finding = result.Single(ValidationRules.TemplateStructure).At("Output", 4, 1);
        Assert.Contains("did you mean 'Outputs'", finding.Message);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validate_AllKnownSections_ReportsNoStructureFinding()
    {
        var result = ValidationKit.Validate("""
            AWSTemplateFormatVersion: "2010-09-09"
            Description: A topic
            Metadata: {}
            Parameters:
              Name:
                Type: String
                Default: n
            Rules: {}
            Mappings:
              M:
                K:
                  V: x
            Conditions:
              Always: !Equals [a, a]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Condition: Always
                Properties:
                  TopicName: !FindInMap [M, K, V]
            Outputs:
              Arn:
                Value: !Ref Topic
            """);

        result.None(ValidationRules.TemplateStructure);
        Assert.True(result.IsValid, ValidationKit.Describe(result));
    }

    [Fact]
    public void Validate_SamGlobalsSection_IsAcceptedOnlyWithTheSamTransform()
    {
        const string body = """
            Globals:
              Function:
                Timeout: 3
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            """;

        ValidationKit.Validate(body).Single(ValidationRules.TemplateStructure).At("Globals", 1, 1);
        ValidationKit.Validate("Transform: AWS::Serverless-2016-10-31\n" + body).None(ValidationRules.TemplateStructure);
    }

    [Fact]
    public void Validate_NoResourcesSection_ReportsE1001AtTheRoot()
    {
        var result = ValidationKit.Validate("""
            Description: nothing to build
            """);

        Assert.Contains("no Resources section", result.Single(ValidationRules.TemplateStructure).At("", 1, 1).Message);
    }

    [Fact]
    public void Validate_WrongFormatVersion_ReportsE1001AtTheKey()
    {
        var wrong = ValidationKit.Validate("""
            AWSTemplateFormatVersion: "2010-09-10"
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            """);
        var unquotedDate = ValidationKit.Validate("""
            AWSTemplateFormatVersion: 2010-09-09
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            """);

        Assert.Contains("2010-09-10", wrong.Single(ValidationRules.TemplateStructure).At("AWSTemplateFormatVersion", 1, 1).Message);
        unquotedDate.None(ValidationRules.TemplateStructure);
    }

    [Fact]
    public void Validate_DescriptionOver1024Bytes_ReportsE1003()
    {
        var template = """
            Description: {0}
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            """;

        var tooLong = ValidationKit.Validate(template.Replace("{0}", new string('d', 1025), StringComparison.Ordinal));
        var atLimit = ValidationKit.Validate(template.Replace("{0}", new string('d', 1024), StringComparison.Ordinal));

        tooLong.Single(ValidationRules.DescriptionLength).At("Description", 1, 1);
        atLimit.None(ValidationRules.DescriptionLength);
    }

    [Fact]
    public void Validate_RootIsAList_ReportsE1001AndNothingElse()
    {
        var result = ValidationKit.Validate("[1, 2]", "template.json");

        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal(ValidationRules.TemplateStructure, finding.Rule);
        Assert.Contains("not a list", finding.Message);
    }
}
