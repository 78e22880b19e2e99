using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

public class ResourceTypeRuleTests
{
    [Fact]
    public void Validate_UnknownAwsType_ReportsE3006AtTheTypeKey()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Queue:
                Type: AWS::SQS::Queues
            """);

        Assert.Contains("AWS::SQS::Queues", result.Single(ValidationRules.ResourceType).At("Resources/Queue/Type", 3, 5).Message);
    }

    [Fact]
    public void Validate_TypeWithWrongCase_SuggestsTheRealName()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Bucket:
                Type: AWS::S3::bucket
            """);

        Assert.Contains("(did you mean 'AWS::S3::Bucket'?)", result.Single(ValidationRules.ResourceType).Message);
    }

    [Theory]
    [InlineData("AWS::S3::Bucket")]
    [InlineData("Custom::Anything")]
    [InlineData("MyCompany::Service::Thing")]
    [InlineData("MyCompany::Service::Thing::MODULE")]
    [InlineData("AWS::CDK::Metadata")]
    public void Validate_KnownCustomOrThirdPartyType_ReportsNoE3006(string type)
    {
        var result = ValidationKit.Validate($"""
            Resources:
              Thing:
                Type: {type}
                Properties:
                  ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:f
            """);

        result.None(ValidationRules.ResourceType);
    }

    [Fact]
    public void Validate_UnknownTypeUnderMacro_IsNotReported()
    {
        var result = ValidationKit.Validate("""
            Transform: MyMacro
            Resources:
              Thing:
                Type: AWS::Made::Up
            """);

        result.None(ValidationRules.ResourceType);
    }
}
