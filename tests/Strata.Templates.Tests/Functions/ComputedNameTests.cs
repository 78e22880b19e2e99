using Strata.Templates.Evaluation;
using Strata.Templates.Model;
using Strata.Templates.Values;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Functions;

/// <summary>Computed names (LanguageExtensions), computed Sub strings and other stacks' outputs.</summary>
public sealed class ComputedNameTests
{
    private const string Template = """
        Transform: AWS::LanguageExtensions
        Parameters:
          ParamA: { Type: String, Default: on }
        Resources:
          Web: { Type: AWS::EC2::Instance }
        """;

    [Fact]
    public void Ref_ComputedName_ResolvesTheParameter() =>
        Assert.Equal("on", Text(Value("{ Ref: !Sub 'Param${Suffix}' }", Template.Replace("Default: on }", "Default: on }\n  Suffix: { Type: String, Default: A }", StringComparison.Ordinal))));

    [Fact]
    public void Ref_SubWithoutVariables_IsALiteralTarget() =>
        Assert.Equal("ParamA", Assert.IsType<Strata.Templates.Functions.RefFunction>(Expr("{ Ref: !Sub ParamA }")).Target);

    [Fact]
    public void Ref_ComputedNameWithoutTransform_ReportsE1020() =>
        Assert.Equal("E1020", Assert.Single(Validate("{ Ref: !Sub ParamA }", "Parameters:\n  ParamA: { Type: String }\n" + Minimal)).Rule);

    [Fact]
    public void Sub_StringFromTransform_IsUnknown()
    {
        var value = Assert.IsType<UnknownValue>(Value("{ 'Fn::Sub': { 'Fn::Transform': { Name: Upper, Parameters: { S: x } } } }"));
        Assert.Equal(UnknownReason.NotEvaluatedOffline, value.Reason);
        Assert.Empty(Validate("{ 'Fn::Sub': { 'Fn::Transform': { Name: Upper } } }"));
    }

    [Fact]
    public void Sub_ResourceInConditions_ReportsE1019() =>
        Assert.Equal("E1019", Assert.Single(Validate("!Sub '${Web}'", Template, TemplateSection.Conditions)).Rule);

    [Fact]
    public void GetStackOutput_ResolvedByState_OrUnknown()
    {
        const string expression = "{ 'Fn::GetStackOutput': { StackName: producer, OutputName: TopicArn } }";
        var state = new ResourceState();
        state.StackOutputs["producer.TopicArn"] = Values.Value.Str("arn:aws:sns:us-east-1:123456789012:t");
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:t", Text(Value(expression, state: state)));
        Assert.Equal(UnknownReason.ImportNotResolved, Assert.IsType<UnknownValue>(Value(expression)).Reason);
    }

    [Theory]
    [InlineData("{ 'Fn::GetStackOutput': { StackName: a } }")]
    [InlineData("{ 'Fn::GetStackOutput': { StackName: a, OutputName: b, Colour: c } }")]
    [InlineData("{ 'Fn::GetStackOutput': [a, b] }")]
    public void GetStackOutput_WrongShape_ReportsE1033(string expression) =>
        Assert.Contains(Validate(expression), d => d.Rule == "E1033");

    [Fact]
    public void PseudoParameters_ForValidation_LeaveStackIdentityUnknown()
    {
        var pseudo = PseudoParameters.ForValidation;
        Assert.IsType<UnknownValue>(Value("!Ref AWS::StackId", pseudo: pseudo));
        Assert.IsType<UnknownValue>(Value("!Sub '${AWS::AccountId}'", pseudo: pseudo));
        Assert.Equal("us-east-1", Text(Value("!Ref AWS::Region", pseudo: pseudo)));
        Assert.Empty(Eval("!FindInMap [M, !Ref AWS::StackId, k]", "Mappings:\n  M:\n    a: { k: v }\n" + Minimal, pseudo: pseudo).Diagnostics);
    }

    [Fact]
    public void CommaDelimitedList_AllowedValueWithComma_AcceptsWholeValueAsCfnLintDoes()
    {
        var r = ParameterResolver.Resolve(BuildModel("Parameters:\n  P: { Type: CommaDelimitedList, Default: 'three,four', AllowedValues: [one, 'three,four'] }\n" + Minimal), null);
        Assert.Empty(r.Diagnostics);
        Assert.Equal(["three", "four"], Texts(r.Values["P"]));
    }
}
