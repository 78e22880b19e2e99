using Strata.Templates.Evaluation;

namespace Strata.Templates.Tests.Validation;

/// <summary>The validator runs the parameter resolver; these check that its findings reach the result.</summary>
public class ParameterValuesRuleTests
{
    private const string Template = """
        Parameters:
          Size:
            Type: Number
            MinValue: 1
            MaxValue: 10
            Default: {0}
          Env:
            Type: String
            AllowedValues: [dev, prod]
        Resources:
          Topic:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: !Ref Env
        """;

    [Fact]
    public void Validate_DefaultOutsideItsConstraints_ReportsE2015AtTheDefault()
    {
        var result = ValidationKit.Validate(Template.Replace("{0}", "11", StringComparison.Ordinal));

        var finding = result.Single(ParameterRules.DefaultViolatesConstraints);
        Assert.Equal("Parameters/Size/Default", finding.Path);
        Assert.Equal(6, finding.Location.Line);
    }

    [Fact]
    public void Validate_DefaultWithinConstraintsAndNoValuesSupplied_ReportsNothing()
    {
        var result = ValidationKit.Validate(Template.Replace("{0}", "5", StringComparison.Ordinal));

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Validate_SuppliedValueNotAllowed_ReportsTheResolversRule()
    {
        var result = ValidationKit.Validate(Template.Replace("{0}", "5", StringComparison.Ordinal),
            new Dictionary<string, string> { ["Env"] = "test" });

        var finding = result.Single(ParameterRules.NotAllowedValue);
        Assert.Equal("Parameters/Env", finding.Path);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validate_SuppliedValuesThatFit_ReportNothing()
    {
        var result = ValidationKit.Validate(Template.Replace("{0}", "5", StringComparison.Ordinal),
            new Dictionary<string, string> { ["Env"] = "prod", ["Size"] = "3" });

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Validate_SomeValuesSuppliedButNotAllRequired_ReportsTheMissingOnes()
    {
        var result = ValidationKit.Validate(Template.Replace("{0}", "5", StringComparison.Ordinal),
            new Dictionary<string, string> { ["Size"] = "3", ["Colour"] = "red" });

        Assert.Equal("Parameters/Env", result.Single(ParameterRules.MissingValue).Path);
        result.Single(ParameterRules.UndeclaredParameter);
    }
}
