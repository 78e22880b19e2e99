using Strata.Templates.Diagnostics;
using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

public class ResourcePropertiesRuleTests
{
    [Fact]
    public void Validate_UnknownProperty_ReportsE3002AtTheKeyWithASuggestion()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  bucketName: logs
            """);

        var finding = result.Single(ValidationRules.UnknownProperty).At("Resources/Bucket/Properties/bucketName", 5, 7);
        Assert.Contains("did you mean 'BucketName'", finding.Message);
    }

    [Fact]
    public void Validate_UnknownNestedProperty_ReportsE3002InsideThePropertyType()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration:
                    Status: Enabled
                    Mode: fast
            """);

        Assert.Contains("VersioningConfiguration",
            result.Single(ValidationRules.UnknownProperty).At("Resources/Bucket/Properties/VersioningConfiguration/Mode", 7, 9).Message);
    }

    [Fact]
    public void Validate_WellFormedResource_ReportsNoPropertyFinding()
    {
        var result = ValidationKit.Validate("""
            Parameters:
              Subnets:
                Type: List<AWS::EC2::Subnet::Id>
                Default: subnet-0123456789abcdef0
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: logs
                  AccessControl: Private
                  ObjectLockEnabled: "true"
                  VersioningConfiguration:
                    Status: Enabled
                  Tags:
                    - Key: team
                      Value: 42
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  DelaySeconds: "5"
                  MaximumMessageSize: 2048
                  FifoQueue: True
                  ContentBasedDeduplication: Yes
                  RedrivePolicy: {deadLetterTargetArn: arn, maxReceiveCount: 3}
                  QueueName:
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: !Sub "${AWS::StackName} group"
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 443
                      ToPort: "443"
                      CidrIp: 0.0.0.0/0
              Endpoint:
                Type: AWS::EC2::VPCEndpoint
                Properties:
                  ServiceName: com.amazonaws.us-east-1.s3
                  VpcId: vpc-0123456789abcdef0
                  SubnetIds: !Ref Subnets
                  RouteTableIds: !Split [",", "rtb-1,rtb-2"]
            """);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Validate_MissingRequiredProperty_ReportsE3003AtProperties()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupName: web
            """);

        Assert.Contains("'GroupDescription'", result.Single(ValidationRules.RequiredProperty).At("Resources/Group/Properties", 4, 5).Message);
    }

    [Fact]
    public void Validate_NoPropertiesAtAll_ReportsE3003AtTheResource()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Group:
                Type: AWS::EC2::SecurityGroup
            """);

        Assert.Contains("no Properties", result.Single(ValidationRules.RequiredProperty).At("Resources/Group", 2, 3).Message);
    }

    [Fact]
    public void Validate_PropertiesRemovedByNoValue_ReportsE3003()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties: !Ref AWS::NoValue
            """);

        result.Single(ValidationRules.RequiredProperty).At("Resources/Group", 4, 5);
    }

    [Fact]
    public void Validate_MissingNestedRequiredProperty_ReportsE3003AtThePropertyType()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  AccelerateConfiguration: {}
            """);

        Assert.Contains("'AccelerationStatus'",
            result.Single(ValidationRules.RequiredProperty).At("Resources/Bucket/Properties/AccelerateConfiguration", 5, 7).Message);
    }

    [Fact]
    public void Validate_RequiredPropertyRemovedByFnIf_ReportsE3003NamingTheCondition()
    {
        var result = ValidationKit.Validate("""
            Conditions:
              HasGroup: !Equals [!Ref "AWS::Region", us-east-1]
            Resources:
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: !If [HasGroup, web, !Ref AWS::NoValue]
            """);

        var finding = result.Single(ValidationRules.RequiredProperty).At("Resources/Group/Properties/GroupDescription", 7, 7);
        Assert.Contains("'HasGroup' is false", finding.Message);
    }

    [Theory]
    [InlineData("DelaySeconds: abc", "DelaySeconds", "an integer")]
    [InlineData("DelaySeconds: 1.5", "DelaySeconds", "an integer")]
    [InlineData("DelaySeconds: true", "DelaySeconds", "an integer")]
    [InlineData("FifoQueue: 1", "FifoQueue", "a boolean")]
    [InlineData("FifoQueue: maybe", "FifoQueue", "a boolean")]
    [InlineData("QueueName: [a, b]", "QueueName", "a string")]
    [InlineData("QueueName: {a: b}", "QueueName", "a string")]
    [InlineData("Tags: {team: web}", "Tags", "a list")]
    public void Validate_ValueOfTheWrongType_ReportsE3012AtTheKey(string property, string name, string expected)
    {
        var result = ValidationKit.Validate($"""
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  {property}
            """);

        var finding = result.Single(ValidationRules.PropertyType).At($"Resources/Queue/Properties/{name}", 5, 7);
        Assert.Contains(expected, finding.Message);
    }

    [Fact]
    public void Validate_WrongTypeInAListItem_ReportsE3012AtTheItem()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: eighty
                    - 443
            """);

        var findings = result.WithRule(ValidationRules.PropertyType);
        Assert.Equal(2, findings.Count);
        findings[0].At("Resources/Group/Properties/SecurityGroupIngress/0/FromPort", 8, 11);
        Assert.Contains("item 1 of 'SecurityGroupIngress'", findings[1].At("Resources/Group/Properties/SecurityGroupIngress/1", 9, 11).Message);
    }

    [Fact]
    public void Validate_TagWithoutValue_ReportsE3003AtTheTag()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  Tags:
                    - Key: team
            """);

        Assert.Contains("'Value'", result.Single(ValidationRules.RequiredProperty).At("Resources/Queue/Properties/Tags/0", 6, 11).Message);
    }

    [Fact]
    public void Validate_ValueOutsideAllowedValues_ReportsE3030()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  AccelerateConfiguration:
                    AccelerationStatus: enabled
            """);

        var finding = result.Single(ValidationRules.AllowedValue).At("Resources/Bucket/Properties/AccelerateConfiguration/AccelerationStatus", 6, 9);
        Assert.Contains("'Enabled' or 'Suspended'", finding.Message);
    }

    [Theory]
    [InlineData("SecurityGroupIngress: !Ref Name", ValidationRules.Ref)]
    [InlineData("GroupName: !Ref Names", ValidationRules.Ref)]
    [InlineData("SecurityGroupIngress: !Join [',', [a, b]]", ValidationRules.Join)]
    [InlineData("GroupName: !GetAZs ''", ValidationRules.GetAzs)]
    [InlineData("GroupName: !Split [',', 'a,b']", ValidationRules.Split)]
    [InlineData("GroupName: !Cidr [10.0.0.0/16, 2, 8]", ValidationRules.Cidr)]
    [InlineData("SecurityGroupIngress: !Sub '${Name}'", ValidationRules.Sub)]
    [InlineData("SecurityGroupIngress: !Ref Group2", ValidationRules.Ref)]
    public void Validate_FunctionThatCannotYieldTheType_ReportsTheFunctionsRule(string property, string rule)
    {
        var result = ValidationKit.Validate($"""
            Parameters:
              Name:
                Type: String
                Default: a
              Names:
                Type: CommaDelimitedList
                Default: a,b
            Resources:
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  {property}
              Group2:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: other
            """);

        var finding = result.Single(rule);
        Assert.Equal(13, finding.Location.Line);
        Assert.Equal(7, finding.Location.Column);
        Assert.Contains("must be", finding.Message);
    }

    [Fact]
    public void Validate_FunctionsThatCanYieldTheType_ReportNothing()
    {
        var result = ValidationKit.Validate("""
            Parameters:
              Names:
                Type: CommaDelimitedList
                Default: a,b
            Mappings:
              Ports:
                Web:
                  List: [80, 443]
            Conditions:
              Prod: !Equals [!Ref "AWS::Region", us-east-1]
            Resources:
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: !Join ["-", !Ref Names]
                  GroupName: !Select [0, !Ref Names]
                  SecurityGroupIngress: !If [Prod, !FindInMap [Ports, Web, List], !Ref AWS::NoValue]
                  Tags:
                    - !If [Prod, {Key: env, Value: prod}, !Ref AWS::NoValue]
                    - Key: !ImportValue shared-key
                      Value: !Base64 text
            """);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Validate_FnIfBranchOfTheWrongType_ReportsE3012AtTheBranch()
    {
        var result = ValidationKit.Validate("""
            Conditions:
              Prod: !Equals [!Ref "AWS::Region", us-east-1]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  DelaySeconds: !If [Prod, 10, ten]
            """);

        var finding = result.Single(ValidationRules.PropertyType);
        Assert.Equal("Resources/Queue/Properties/DelaySeconds/Fn::If/2", finding.Path);
        Assert.Contains("'DelaySeconds'", finding.Message);
    }

    [Fact]
    public void Validate_UnionType_AcceptsAnyMemberAndReportsAValueOfNone()
    {
        const string template = """
            Resources:
              Method:
                Type: AWS::ApiGateway::Method
                Properties:
                  HttpMethod: GET
                  ResourceId: r
                  RestApiId: a
                  RequestParameters:
                    method.request.header.a: true
                    method.request.header.b: {0}
            """;

        ValidationKit.Validate(template.Replace("{0}", "\"false\"", StringComparison.Ordinal)).None(ValidationRules.PropertyType);
        ValidationKit.Validate(template.Replace("{0}", "[x]", StringComparison.Ordinal))
            .Single(ValidationRules.PropertyType).At("Resources/Method/Properties/RequestParameters/method.request.header.b", 10, 9);
    }

    [Fact]
    public void Validate_LocalCodePath_WarnsW3002InsteadOfATypeError()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/r
                  Code: ./src
              Stack:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: https://bucket.s3.amazonaws.com/child.yaml
            """);

        var finding = result.Single(ValidationRules.PackagedProperty).At("Resources/Function/Properties/Code", 6, 7);
        Assert.Equal(Severity.Warning, finding.Severity);
        result.None(ValidationRules.PropertyType);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_LambdaEnvironmentVariables_AcceptAnyValueButMustBeAMapping()
    {
        const string template = """
            Resources:
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {ZipFile: "print(1)"}
                  Environment:
                    Variables: {0}
            """;

        ValidationKit.Validate(template.Replace("{0}", "{COUNT: 3, ITEMS: [1, 2]}", StringComparison.Ordinal)).None(ValidationRules.PropertyType);
        ValidationKit.Validate(template.Replace("{0}", "[COUNT]", StringComparison.Ordinal))
            .Single(ValidationRules.PropertyType).At("Resources/Function/Properties/Environment/Variables", 8, 9);
    }

    [Fact]
    public void Validate_CustomResourceWithoutServiceToken_ReportsE3003()
    {
        var missing = ValidationKit.Validate("""
            Resources:
              Seed:
                Type: Custom::Seed
                Properties:
                  Rows: 10
              Other:
                Type: AWS::CloudFormation::CustomResource
            """);
        var present = ValidationKit.Validate("""
            Resources:
              Seed:
                Type: Custom::Seed
                Properties:
                  ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:seed
                  AnythingElse: {nested: [1, 2]}
            """);

        var findings = missing.WithRule(ValidationRules.RequiredProperty);
        Assert.Equal(2, findings.Count);
        findings[0].At("Resources/Seed/Properties", 4, 5);
        findings[1].At("Resources/Other", 6, 3);
        Assert.Empty(present.Diagnostics);
    }

    [Fact]
    public void Validate_ThirdPartyType_ChecksNoProperties()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Monitor:
                Type: Datadog::Monitors::Monitor
                Properties:
                  Anything: [1, {two: 3}]
            """);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Validate_SamTemplate_ChecksPlainResourcesButNotServerlessOnes()
    {
        var result = ValidationKit.Validate("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Function:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  CodeUri: ./src
                  Handler: app.handler
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  DelaySeconds: soon
            """);

        result.Single(ValidationRules.PropertyType).At("Resources/Queue/Properties/DelaySeconds", 12, 7);
    }
}
