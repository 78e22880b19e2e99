using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

public class DependsOnRuleTests
{
    [Fact]
    public void Validate_DependsOnMissingResource_ReportsE3005AtTheName()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                DependsOn: [Queue, Ghost]
              Queue:
                Type: AWS::SQS::Queue
            """);

        Assert.Contains("'Ghost'", result.Single(ValidationRules.DependsOn).At("Resources/Topic/DependsOn/1", 4, 24).Message);
    }

    [Fact]
    public void Validate_DependsOnItself_ReportsE3005()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                DependsOn: Topic
            """);

        Assert.Contains("itself", result.Single(ValidationRules.DependsOn).At("Resources/Topic/DependsOn", 4, 16).Message);
    }

    [Fact]
    public void Validate_DependsOnExistingResources_ReportsNothing()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                DependsOn: Queue
              Queue:
                Type: AWS::SQS::Queue
              Other:
                Type: AWS::SQS::Queue
                DependsOn: [Topic, Queue]
            """);

        Assert.Empty(result.Diagnostics);
    }
}
