using Strata.Templates.Functions;
using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

/// <summary>The functions validate their own arguments; the validator must run them and keep their findings.</summary>
public class FunctionShapeRuleTests
{
    [Fact]
    public void Validate_MalformedFunctionArguments_ReportsTheFunctionsOwnRule()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Join [",", "not-a-list"]
            """);

        Assert.Equal(5, result.Single(FunctionRules.Join).Location.Line);
    }

    [Fact]
    public void Validate_WellFormedFunctions_ReportNothing()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Join [",", [a, !Select [0, !GetAZs ""], !Sub "${AWS::Region}"]]
            """);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Validate_FunctionWhoseArgumentIsAnInlineMacro_IsJudgedAfterTheMacro()
    {
        var result = ValidationKit.Validate("""
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName:
                    Fn::Sub:
                      Fn::Transform:
                        Name: MakeName
            """);

        result.None(FunctionRules.Sub);
    }

    [Fact]
    public void Validate_TemplateWithAMacroTransform_SkipsFunctionArguments()
    {
        var result = ValidationKit.Validate("""
            Transform: MyMacro
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Join [",", "not-a-list"]
            """);

        result.None(FunctionRules.Join);
    }
}
