using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

public class ResourceConfigurationRuleTests
{
    [Fact]
    public void Validate_LogicalIdWithDash_ReportsE3001AtTheName()
    {
        var result = ValidationKit.Validate("""
            Resources:
              My-Topic:
                Type: AWS::SNS::Topic
            """);

        Assert.Contains("letters and digits", result.Single(ValidationRules.ResourceConfiguration).At("Resources/My-Topic", 2, 3).Message);
    }

    [Fact]
    public void Validate_AlphanumericLogicalId_ReportsNoE3001()
    {
        ValidationKit.Validate("""
            Resources:
              MyTopic2:
                Type: AWS::SNS::Topic
            """).None(ValidationRules.ResourceConfiguration);
    }

    [Fact]
    public void Validate_UnknownDeletionPolicy_ReportsE3035()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                DeletionPolicy: Keep
            """);

        result.Single(ValidationRules.DeletionPolicy).At("Resources/Topic/DeletionPolicy", 4, 5);
    }

    [Fact]
    public void Validate_UnknownUpdateReplacePolicy_ReportsE3036()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                UpdateReplacePolicy: RetainExceptOnCreate
            """);

        result.Single(ValidationRules.UpdateReplacePolicy).At("Resources/Topic/UpdateReplacePolicy", 4, 5);
    }

    [Fact]
    public void Validate_PoliciesAsValuesOrFunctions_ReportsNoPolicyFinding()
    {
        var result = ValidationKit.Validate("""
            Parameters:
              Policy:
                Type: String
                Default: Retain
            Conditions:
              Prod: !Equals [!Ref Policy, Retain]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                DeletionPolicy: RetainExceptOnCreate
                UpdateReplacePolicy: Retain
              Queue:
                Type: AWS::SQS::Queue
                DeletionPolicy: !Ref Policy
                UpdateReplacePolicy: !If [Prod, Retain, Delete]
            """);

        result.None(ValidationRules.DeletionPolicy);
        result.None(ValidationRules.UpdateReplacePolicy);
    }

    [Fact]
    public void Validate_IfBranchWithUnknownPolicy_ReportsE3035()
    {
        var result = ValidationKit.Validate("""
            Conditions:
              Prod: !Equals [!Ref "AWS::Region", us-east-1]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                DeletionPolicy: !If [Prod, Retain, Destroy]
            """);

        Assert.Contains("'Destroy'", result.Single(ValidationRules.DeletionPolicy).At("Resources/Topic/DeletionPolicy", 6, 5).Message);
    }
}
