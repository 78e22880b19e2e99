using System.Text;
using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

public class TemplateLimitsRuleTests
{
    [Theory]
    [InlineData(500, false)]
    [InlineData(501, true)]
    public void Validate_ResourceCount_ReportsE3010AboveFiveHundred(int count, bool reported)
    {
        var result = ValidationKit.Validate(Declarations("Resources", count, i => $"  Topic{i}:\n    Type: AWS::SNS::Topic\n"));

        if (reported)
        {
            Assert.Contains("501 resources", result.Single(ValidationRules.ResourceLimit).At("Resources", 1, 1).Message);
            result.None(ValidationRules.ResourceLimitApproaching);
        }
        else
        {
            result.None(ValidationRules.ResourceLimit);
            result.Single(ValidationRules.ResourceLimitApproaching).At("Resources", 1, 1);
        }
    }

    [Fact]
    public void Validate_FewResources_ReportsNoLimitFinding()
    {
        var result = ValidationKit.Validate(Declarations("Resources", 450, i => $"  Topic{i}:\n    Type: AWS::SNS::Topic\n"));

        result.None(ValidationRules.ResourceLimit);
        result.None(ValidationRules.ResourceLimitApproaching);
    }

    [Theory]
    [InlineData("Parameters", ValidationRules.ParameterLimit, ValidationRules.ParameterLimitApproaching)]
    [InlineData("Outputs", ValidationRules.OutputLimit, ValidationRules.OutputLimitApproaching)]
    [InlineData("Mappings", ValidationRules.MappingLimit, ValidationRules.MappingLimitApproaching)]
    public void Validate_SectionOverTwoHundred_ReportsItsLimitRule(string section, string rule, string approachingRule)
    {
        string Entry(int i) => section switch
        {
            "Parameters" => $"  P{i}:\n    Type: String\n    Default: x\n",
            "Outputs" => $"  O{i}:\n    Value: x\n",
            _ => $"  M{i}:\n    K:\n      V: x\n",
        };

        const string resources = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n";
        var over = ValidationKit.Validate(Declarations(section, 201, Entry) + resources);
        var atLimit = ValidationKit.Validate(Declarations(section, 200, Entry) + resources);
        var few = ValidationKit.Validate(Declarations(section, 150, Entry) + resources);

        Assert.Contains("201", over.Single(rule).At(section, 1, 1).Message);
        over.None(approachingRule);
        atLimit.None(rule);
        atLimit.Single(approachingRule).At(section, 1, 1);
        few.None(approachingRule);
    }

    [Fact]
    public void Validate_TemplateOver51200Bytes_ReportsInlineSizeInfoOnly()
    {
        var result = ValidationKit.Validate(Padded(60_000));

        Assert.Contains("S3", result.Single(ValidationRules.InlineTemplateSize).At("", 1, 1).Message);
        result.None(ValidationRules.TemplateSize);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_TemplateOverOneMillionBytes_ReportsE1002()
    {
        var result = ValidationKit.Validate(Padded(1_000_100));

        result.Single(ValidationRules.TemplateSize).At("", 1, 1);
        result.None(ValidationRules.TemplateSizeApproaching);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validate_TemplateNearOneMillionBytes_ReportsI1002()
    {
        var result = ValidationKit.Validate(Padded(950_000));

        result.Single(ValidationRules.TemplateSizeApproaching).At("", 1, 1);
        result.None(ValidationRules.TemplateSize);
    }

    [Fact]
    public void Validate_SmallTemplate_ReportsNoSizeFinding()
    {
        var result = ValidationKit.Validate(Padded(10_000));

        result.None(ValidationRules.InlineTemplateSize);
        result.None(ValidationRules.TemplateSizeApproaching);
        result.None(ValidationRules.TemplateSize);
    }

    private static string Declarations(string section, int count, Func<int, string> entry)
    {
        var text = new StringBuilder(section).Append(":\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(entry(i));
        }

        return text.ToString();
    }

    /// <summary>A valid template of about <paramref name="bytes"/> bytes (a long description comment).</summary>
    private static string Padded(int bytes)
    {
        var text = new StringBuilder("Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n");
        while (text.Length < bytes)
        {
            text.Append("# ").Append('x', 96).Append('\n');
        }

        return text.ToString();
    }
}
