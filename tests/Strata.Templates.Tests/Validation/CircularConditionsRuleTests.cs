using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

public class CircularConditionsRuleTests
{
    [Fact]
    public void Validate_ConditionsUsingEachOther_ReportsE9010WithTheLoop()
    {
        var result = ValidationKit.Validate("""
            Conditions:
              A: !And [!Condition B, !Equals [x, x]]
              B: !Or [!Condition C, !Equals [y, y]]
              C: !Not [!Condition A]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Condition: A
            """);

        var finding = result.Single(ValidationRules.CircularCondition).At("Conditions/A", 2, 3);
        Assert.Contains("A -> B -> C -> A", finding.Message);
    }

    [Fact]
    public void Validate_ConditionUsingItself_ReportsE9010()
    {
        var result = ValidationKit.Validate("""
            Conditions:
              A: !Not [!Condition A]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Condition: A
            """);

        Assert.Contains("uses itself", result.Single(ValidationRules.CircularCondition).At("Conditions/A", 2, 3).Message);
    }

    [Fact]
    public void Validate_ConditionChainWithoutLoop_ReportsNothing()
    {
        var result = ValidationKit.Validate("""
            Conditions:
              A: !Equals [x, x]
              B: !Not [!Condition A]
              C: !And [!Condition A, !Condition B]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Condition: C
            """);

        result.None(ValidationRules.CircularCondition);
    }
}
