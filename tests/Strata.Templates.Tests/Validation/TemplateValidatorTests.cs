using Strata.Templates.Syntax;
using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

public class TemplateValidatorTests
{
    public static TheoryData<string> OddTemplates() =>
    [
        "",
        "   \n",
        "42",
        "just text",
        "[]",
        "{}",
        "null",
        "Resources: 5",
        "Resources: [1, 2]",
        "Resources:\n  A: 5",
        "Resources:\n  A:\n    Type: [AWS::SNS::Topic]",
        "Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties: 5",
        "Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties: [1]",
        "Resources:\n  A:\n    Type: AWS::SQS::Queue\n    DependsOn: {a: b}\n    Condition: [x]",
        "Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: !If 5\n      QueueName: !Sub [1, 2, 3]\n      Tags: !GetAtt [a]",
        "Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !FindInMap [a]\n      Tags: [!If [], !Select [], !Join [], !Split []]",
        "Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: {\"Fn::Sub\": {}}\n      RedrivePolicy: {\"Fn::GetAtt\": {}}",
        "Resources:\n  Fn::ForEach::X: 5",
        "Resources:\n  Fn::ForEach::X: [a, [b], {}]",
        "Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::X: [a, !Ref Nope, {\"Q${a}\": {Type: AWS::SQS::Queue}}]",
        "Transform: [5, {Name: [x]}, {}]\nResources: {}",
        "Conditions: [1]\nResources:\n  A:\n    Type: AWS::SNS::Topic\n    Condition: 5",
        "Conditions:\n  A: !Condition A\n  B: 5\n  C: !And []\nResources:\n  T:\n    Type: AWS::SNS::Topic\n    Condition: A",
        "Parameters:\n  P: 5\n  Q:\n    Type: Number\n    Default: abc\n    AllowedPattern: '['\nResources:\n  T:\n    Type: AWS::SNS::Topic",
        "Mappings: 5\nOutputs: [1]\nResources:\n  T:\n    Type: AWS::SNS::Topic",
        "Outputs:\n  O:\n    Value: !GetAtt\n    Condition: {}\nResources:\n  T:\n    Type: AWS::SNS::Topic",
        "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      Tags:\n        - !Ref\n        - {}\n        - [[[]]]",
        "{\"Resources\": {\"A\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"BucketName\": {\"Ref\": {\"Ref\": {\"Ref\": []}}}}}}}",
        "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: &t [{Key: a, Value: *t}]",
    ];

    [Theory]
    [MemberData(nameof(OddTemplates))]
    public void Validate_MalformedTemplate_ReturnsFindingsWithoutThrowingOrInternalErrors(string text)
    {
        var result = ValidationKit.Validate(text);

        Assert.NotNull(result.Diagnostics);
        Assert.DoesNotContain(result.Diagnostics, d => d.Rule == ValidationRules.InternalError);
    }

    [Fact]
    public void Validate_RuleThatThrows_ReportsE0002NamingItAndStillRunsTheOthers()
    {
        var document = TemplateParser.ParseText("""
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  DelaySeconds: soon
            """);
        var rules = new List<ITemplateRule> { new ThrowingRule() };
        rules.AddRange(TemplateValidator.DefaultRules);

        var result = TemplateValidator.Validate(document, null, rules, CancellationToken.None);

        var internalError = result.Single(ValidationRules.InternalError);
        Assert.Contains("exploding test rule", internalError.Message);
        result.Single(ValidationRules.PropertyType);
    }

    [Fact]
    public void Validate_FindingsFromSeveralRules_AreSortedByLineAndColumn()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  DelaySeconds: soon
                  Colour: red
                  QueueName: !Ref Ghost
              Bad-Name:
                Type: AWS::SNS::Topic
            """);

        var positions = result.Diagnostics.Select(d => (d.Location.Line, d.Location.Column)).ToList();
        Assert.True(positions.Count >= 4, ValidationKit.Describe(result));
        Assert.Equal(positions.OrderBy(p => p.Line).ThenBy(p => p.Column), positions);
    }

    [Fact]
    public void Validate_WarningsAndInfosOnly_IsValid()
    {
        var result = ValidationKit.Validate("""
            Conditions:
              Unused: !Equals [a, b]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            """);

        Assert.NotEmpty(result.Diagnostics);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void ValidateFile_MissingFile_ReturnsOneErrorNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "strata-" + Guid.NewGuid().ToString("N") + ".yaml");

        var result = TemplateValidator.ValidateFile(path, new ValidationOptions());

        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal(SyntaxRules.Unreadable, finding.Rule);
        Assert.Contains(path, finding.Message);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void ValidateFile_TemplateOnDisk_ValidatesItWithItsName()
    {
        var path = Path.Combine(Path.GetTempPath(), "strata-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """{"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": "soon"}}}}""");
        try
        {
            var result = TemplateValidator.ValidateFile(path, new ValidationOptions());

            Assert.Equal(path, result.FileName);
            Assert.Equal(1, result.Single(ValidationRules.PropertyType).Location.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_CancelledToken_Throws()
    {
        var document = TemplateParser.ParseText("Resources:\n  T:\n    Type: AWS::SNS::Topic\n");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => TemplateValidator.Validate(document, null, cancellation.Token));
    }

    [Fact]
    public void Describe_EveryRuleTheValidatorReports_HasADescriptor()
    {
        foreach (var id in new[] { ValidationRules.UnknownProperty, ValidationRules.CircularCondition, ValidationRules.InlineTemplateSize, SyntaxRules.ParseError })
        {
            Assert.NotNull(ValidationRules.Describe(id));
        }

        Assert.Null(ValidationRules.Describe("E9999"));
        Assert.Equal(ValidationRules.All.Count, ValidationRules.All.Select(r => r.Id).Distinct().Count());
    }

    private sealed class ThrowingRule : ITemplateRule
    {
        public string Name => "exploding test rule";

        public void Check(RuleContext context) => throw new InvalidOperationException("boom");
    }
}
