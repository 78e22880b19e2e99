using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

public class DependencyCycleRuleTests
{
    [Fact]
    public void Validate_ResourcesReferringInALoop_ReportsE3004WithTheWholeLoop()
    {
        var result = ValidationKit.Validate("""
            Resources:
              A:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !GetAtt B.QueueName
              B:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub "${C}-queue"
              C:
                Type: AWS::SNS::Topic
                DependsOn: A
            """);

        var finding = result.Single(ValidationRules.DependencyCycle).At("Resources/A", 2, 3);
        Assert.Contains("A -> B -> C -> A", finding.Message);
    }

    [Fact]
    public void Validate_ResourceReferringToItself_ReportsE3004()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !GetAtt Queue.QueueName
            """);

        result.Single(ValidationRules.DependencyCycle).At("Resources/Queue", 2, 3);
    }

    [Fact]
    public void Validate_ChainWithoutLoop_ReportsNothing()
    {
        var result = ValidationKit.Validate("""
            Resources:
              A:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !GetAtt B.QueueName
              B:
                Type: AWS::SQS::Queue
                DependsOn: C
              C:
                Type: AWS::SNS::Topic
            """);

        Assert.Empty(result.Diagnostics);
    }
}
