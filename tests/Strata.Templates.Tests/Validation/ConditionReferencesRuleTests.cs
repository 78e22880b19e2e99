using Strata.Templates.Diagnostics;
using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

public class ConditionReferencesRuleTests
{
    [Fact]
    public void Validate_ResourceConditionUndefined_ReportsE3015()
    {
        var result = ValidationKit.Validate("""
            Conditions:
              IsProd: !Equals [!Ref "AWS::Region", us-east-1]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Condition: isProd
            """);

        var finding = result.Single(ValidationRules.ResourceCondition).At("Resources/Topic/Condition", 6, 5);
        Assert.Contains("did you mean 'IsProd'", finding.Message);
    }

    [Fact]
    public void Validate_OutputConditionUndefined_ReportsE6005()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            Outputs:
              Arn:
                Condition: IsProd
                Value: !Ref Topic
            """);

        result.Single(ValidationRules.OutputCondition).At("Outputs/Arn/Condition", 6, 5);
    }

    [Fact]
    public void Validate_FnIfAndConditionFunctionWithUndefinedNames_ReportE8002()
    {
        var result = ValidationKit.Validate("""
            Conditions:
              IsProd: !Equals [!Ref "AWS::Region", us-east-1]
              IsBig: !And [!Condition IsProd, !Condition IsLarge]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Condition: IsBig
                Properties:
                  TopicName: !If [IsSmall, small, big]
            """);

        var findings = result.WithRule(ValidationRules.ConditionUndefined);
        Assert.Equal(2, findings.Count);
        Assert.Contains("'IsLarge'", findings[0].At("Conditions/IsBig/Fn::And/1/Condition", 3, 35).Message);
        Assert.Contains("'IsSmall'", findings[1].At("Resources/Topic/Properties/TopicName/Fn::If/0", 9, 23).Message);
    }

    [Fact]
    public void Validate_UnusedCondition_WarnsW8001()
    {
        var result = ValidationKit.Validate("""
            Conditions:
              IsProd: !Equals [!Ref "AWS::Region", us-east-1]
              IsDev: !Not [!Condition IsProd]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            """);

        var finding = result.Single(ValidationRules.ConditionUnused).At("Conditions/IsDev", 3, 3);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_ConditionsUsedEverywhere_ReportNothing()
    {
        var result = ValidationKit.Validate("""
            Conditions:
              A: !Equals [!Ref "AWS::Region", us-east-1]
              B: !Equals [!Ref "AWS::Region", us-west-2]
              C: !Or [!Condition A, !Condition B]
              D: !Equals [!Ref "AWS::AccountId", "123456789012"]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Condition: C
                Properties:
                  TopicName: !If [D, mine, theirs]
            Outputs:
              Arn:
                Condition: C
                Value: !Ref Topic
            """);

        Assert.Empty(result.Diagnostics);
    }
}
