using Strata.Templates.Diagnostics;
using Strata.Templates.Model;
using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

public class TransformHandlingTests
{
    [Fact]
    public void Validate_LanguageExtensionsForEach_ChecksTheResourcesItGenerates()
    {
        var result = ValidationKit.Validate("""
            Transform: AWS::LanguageExtensions
            Resources:
              Fn::ForEach::Queues:
                - Name
                - [Orders, Invoices]
                - Queue${Name}:
                    Type: AWS::SQS::Queue
                    Properties:
                      DelaySeconds: later
            Outputs:
              OrdersUrl:
                Value: !GetAtt QueueOrders.QueueUrl
            """);

        var findings = result.WithRule(ValidationRules.PropertyType);
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(9, f.Location.Line));
        Assert.Contains(findings, f => f.Path == "Resources/QueueOrders/Properties/DelaySeconds");
        result.None(ValidationRules.GetAtt);
    }

    [Fact]
    public void Validate_SamTransform_ReportsCheckedBeforeTransformAsInfo()
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
            """);

        var info = result.Single(ModelRules.CheckedBeforeTransform);
        Assert.Equal(Severity.Info, info.Severity);
        Assert.True(result.IsValid, ValidationKit.Describe(result));
    }

    [Fact]
    public void Validate_MacroTransform_ChecksOnlyWhatTheMacroCannotChange()
    {
        var result = ValidationKit.Validate("""
            Transform: [MyMacro]
            Parameters:
              Size:
                Type: Number
                Default: big
            Resources:
              Thing:
                Type: AWS::Made::Up
                Properties:
                  Whatever: !Ref Nowhere
                DependsOn: Ghost
            """);

        result.Single(ModelRules.CheckedBeforeTransform);
        Assert.Contains(result.Diagnostics, d => d.Path?.StartsWith("Parameters/Size", StringComparison.Ordinal) == true);
        result.None(ValidationRules.ResourceType);
        result.None(ValidationRules.Ref);
        result.None(ValidationRules.DependsOn);
    }
}
