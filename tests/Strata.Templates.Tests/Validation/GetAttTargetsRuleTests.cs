using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

public class GetAttTargetsRuleTests
{
    [Fact]
    public void Validate_GetAttOfMissingResource_ReportsE1010()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            Outputs:
              Arn:
                Value: !GetAtt Queue.Arn
            """);

        Assert.Contains("'Queue'", result.Single(ValidationRules.GetAtt).At("Outputs/Arn/Value", 6, 12).Message);
    }

    [Fact]
    public void Validate_UnknownAttribute_ReportsE1010ListingTheAttributes()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Queue:
                Type: AWS::SQS::Queue
            Outputs:
              Url:
                Value: !GetAtt [Queue, Url]
            """);

        var finding = result.Single(ValidationRules.GetAtt).At("Outputs/Url/Value", 6, 12);
        Assert.Contains("'QueueUrl'", finding.Message);
    }

    [Fact]
    public void Validate_UnknownAttributeInSub_ReportsE1019()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Queue:
                Type: AWS::SQS::Queue
            Outputs:
              Url:
                Value: !Sub "${Queue.Url}"
            """);

        result.Single(ValidationRules.Sub).At("Outputs/Url/Value", 6, 12);
        result.None(ValidationRules.GetAtt);
    }

    [Fact]
    public void Validate_KnownAttributes_ReportNothing()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Stack:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: https://example.com/t.yaml
              Seed:
                Type: Custom::Seed
                Properties:
                  ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:seed
            Outputs:
              Url:
                Value: !GetAtt Queue.QueueUrl
              Name:
                Value: !Sub "${Queue.QueueName}"
              Nested:
                Value: !GetAtt Stack.Outputs.BucketName
              Custom:
                Value: !GetAtt Seed.Anything
              Computed:
                Value: !GetAtt [Queue, !Ref "AWS::Region"]
            """);

        result.None(ValidationRules.GetAtt);
        result.None(ValidationRules.Sub);
    }

    [Fact]
    public void Validate_PropertyOfAnOlderResourceType_IsAReadableAttribute()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  GroupName: web
            Outputs:
              Name:
                Value: !GetAtt Group.GroupName
            """);

        result.None(ValidationRules.GetAtt);
    }

    [Fact]
    public void Validate_GetAttListAttributeIntoAString_ReportsE1010()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  VpcId: !GetAtt Vpc.CidrBlockAssociations
            """);

        Assert.Contains("a list", result.Single(ValidationRules.GetAtt).At("Resources/Group/Properties/VpcId", 10, 7).Message);
    }
}
