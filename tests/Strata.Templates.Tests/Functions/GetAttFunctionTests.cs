using Strata.Templates.Evaluation;
using Strata.Templates.Functions;
using Strata.Templates.Model;
using Strata.Templates.Values;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Functions;

public sealed class GetAttFunctionTests
{
    private const string Template = """
        Parameters:
          Attr: { Type: String, Default: PublicIp }
        Resources:
          Web:
            Type: AWS::EC2::Instance
          Stack:
            Type: AWS::CloudFormation::Stack
        """;

    [Theory]
    [InlineData("!GetAtt Web.PublicIp", "Web", "PublicIp")]
    [InlineData("!GetAtt [Web, PublicIp]", "Web", "PublicIp")]
    [InlineData("{ 'Fn::GetAtt': [Web, PublicIp] }", "Web", "PublicIp")]
    [InlineData("!GetAtt Stack.Outputs.Url", "Stack", "Outputs.Url")]
    public void Parse_BothForms_SplitAtFirstDot(string expression, string resource, string attribute)
    {
        var getAtt = Assert.IsType<GetAttFunction>(Expr(expression));
        Assert.Equal(resource, getAtt.ResourceName);
        Assert.Equal(attribute, getAtt.AttributeName);
    }

    [Fact]
    public void Evaluate_NotCreated_ReturnsUnknownNamedAfterAttribute()
    {
        var value = Assert.IsType<UnknownValue>(Value("!GetAtt Web.PublicIp", Template));
        Assert.Equal("Web.PublicIp", value.Source);
        Assert.Equal(["Web"], value.ResourceDependencies);
        Assert.Equal(ExpectedKind.String, value.Expected);
    }

    [Fact]
    public void Evaluate_Created_ReturnsAttributeFromState()
    {
        var state = new ResourceState().WithResource("Web", "i-1", new Dictionary<string, Value> { ["PublicIp"] = Values.Value.Str("203.0.113.7") });
        Assert.Equal("203.0.113.7", Text(Value("!GetAtt Web.PublicIp", Template, state: state)));
    }

    [Fact]
    public void Evaluate_AttributeFromRef_UsesParameterValue()
    {
        var state = new ResourceState().WithResource("Web", "i-1", new Dictionary<string, Value>
        {
            ["PublicIp"] = Values.Value.Str("203.0.113.7"),
            ["PrivateIp"] = Values.Value.Str("10.0.0.7"),
        });
        Assert.Equal("10.0.0.7", Text(Value("!GetAtt [Web, !Ref Attr]", Template, Params(("Attr", "PrivateIp")), state)));
    }

    [Fact]
    public void Evaluate_UnknownResource_ReportsE1010()
    {
        var result = Eval("!GetAtt Nope.Arn", Template);
        Assert.Equal(FunctionRules.GetAtt, Assert.Single(result.Diagnostics).Rule);
    }

    [Theory]
    [InlineData("!GetAtt WebPublicIp")]
    [InlineData("!GetAtt [Web]")]
    [InlineData("!GetAtt [Web, PublicIp, Extra]")]
    [InlineData("{ 'Fn::GetAtt': { a: b } }")]
    [InlineData("!GetAtt [[Web], PublicIp]")]
    public void Validate_WrongShape_ReportsE1010(string expression) =>
        Assert.Equal("E1010", Assert.Single(Validate(expression, Template)).Rule);

    [Fact]
    public void Validate_MissingResource_ReportsE1010WithName() =>
        Assert.Contains("'Nope'", Assert.Single(Validate("!GetAtt Nope.Arn", Template)).Message);

    [Fact]
    public void Validate_InConditions_ReportsE1010() =>
        Assert.Equal("E1010", Assert.Single(Validate("!GetAtt Web.PublicIp", Template, TemplateSection.Conditions)).Rule);

    [Fact]
    public void Validate_WithMacroTransform_DoesNotReportMissingResource()
    {
        const string sam = "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n";
        Assert.Empty(Validate("!GetAtt FnRole.Arn", sam));
    }

    [Fact]
    public void Evaluate_ComputedLogicalIdWithSub_ResolvesTheResource()
    {
        var state = new ResourceState().WithResource("Web", "i-1", new Dictionary<string, Value> { ["PublicIp"] = Values.Value.Str("1.2.3.4") });
        Assert.Equal("1.2.3.4", Text(Value("!GetAtt [!Sub 'W${X}', PublicIp]", "Parameters:\n  X: {Type: String, Default: eb}\n" + Template[Template.IndexOf("Resources", StringComparison.Ordinal)..], state: state)));
    }
}
