using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

public class ReferenceTargetsRuleTests
{
    [Fact]
    public void Validate_RefToUndeclaredName_ReportsE1020AtTheRef()
    {
        var result = ValidationKit.Validate("""
            Parameters:
              TopicName:
                Type: String
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Ref topicName
            """);

        var finding = result.Single(ValidationRules.Ref).At("Resources/Topic/Properties/TopicName", 8, 18);
        Assert.Contains("did you mean 'TopicName'", finding.Message);
    }

    [Fact]
    public void Validate_RefsToParametersResourcesAndPseudoParameters_ReportNothing()
    {
        var result = ValidationKit.Validate("""
            Parameters:
              Env:
                Type: String
            Conditions:
              East: !Equals [!Ref "AWS::Region", us-east-1]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Sub "${Env}-${AWS::StackName}-${!Literal}"
              Queue:
                Type: AWS::SQS::Queue
                Condition: East
                Properties:
                  QueueName: !Sub
                    - "${Prefix}-${Topic}-${Topic.TopicName}"
                    - Prefix: !Ref Env
            Outputs:
              TopicArn:
                Value: !Ref Topic
              Account:
                Value: !Ref "AWS::AccountId"
            """);

        result.None(ValidationRules.Ref);
        result.None(ValidationRules.Sub);
    }

    [Fact]
    public void Validate_RefToResourceInConditions_ReportsE1020()
    {
        var result = ValidationKit.Validate("""
            Conditions:
              HasTopic: !Equals [!Ref Topic, x]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Condition: HasTopic
            """);

        Assert.Contains("is a resource", result.Single(ValidationRules.Ref).At("Conditions/HasTopic/Fn::Equals/0", 2, 22).Message);
    }

    [Fact]
    public void Validate_SubVariableWithoutTarget_ReportsE1019()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Sub "${Environment}-topic"
            """);

        Assert.Contains("${Environment}", result.Single(ValidationRules.Sub).At("Resources/Topic/Properties/TopicName", 5, 18).Message);
    }

    [Fact]
    public void Validate_RefToNameAModuleGenerates_IsAccepted()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Network:
                Type: MyOrg::Network::Vpc::MODULE
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  VpcId: !Ref NetworkVPC
            """);

        result.None(ValidationRules.Ref);
    }

    [Fact]
    public void Validate_RefToNameSamMayGenerate_IsNotReportedUnderSam()
    {
        var result = ValidationKit.Validate("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Function:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: ./src
            Outputs:
              Role:
                Value: !Ref FunctionRole
            """);

        result.None(ValidationRules.Ref);
    }
}
