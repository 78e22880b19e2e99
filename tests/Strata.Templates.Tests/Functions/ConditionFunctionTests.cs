using Strata.Templates.Evaluation;
using Strata.Templates.Functions;
using Strata.Templates.Values;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Functions;

public sealed class ConditionFunctionTests
{
    private const string Template = """
        Parameters:
          EnvironmentType: { Type: String, Default: prod, AllowedValues: [prod, test] }
          Ami: { Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /aws/ami }
          Count: { Type: Number, Default: 1 }
        Conditions:
          IsProduction: !Equals [!Ref EnvironmentType, prod]
          IsTest: !Not [!Condition IsProduction]
          HasDefaultAmi: !Equals [!Ref Ami, ami-123]
          ProdOrDefault: !Or [!Condition IsProduction, !Condition HasDefaultAmi]
          TestAndDefault: !And [!Condition IsTest, !Condition HasDefaultAmi]
          CountIsOne: !Equals [!Ref Count, "1"]
        Resources:
          Web: { Type: AWS::EC2::Instance }
        """;

    [Fact]
    public void Equals_DocumentedEnvironmentExample_IsTrueForProd() =>
        Assert.Equal(BooleanValue.True, Value("!Equals [!Ref EnvironmentType, prod]", Template));

    [Fact]
    public void Equals_NumberAndString_CompareByText() =>
        Assert.Equal(BooleanValue.True, Value("!Condition CountIsOne", Template));

    [Fact]
    public void Equals_Lists_CompareItemByItem()
    {
        Assert.Equal(BooleanValue.True, Value("!Equals [[a, 1], [a, '1']]"));
        Assert.Equal(BooleanValue.False, Value("!Equals [[a], [a, b]]"));
    }

    [Fact]
    public void Equals_UnknownSide_IsUnknownBoolean()
    {
        var value = Assert.IsType<UnknownValue>(Value("!Equals [!Ref Ami, x]", Template));
        Assert.Equal(ExpectedKind.Boolean, value.Expected);
        Assert.Equal(UnknownReason.ParameterNotResolved, value.Reason);
    }

    [Fact]
    public void Not_OfDecided_Inverts() =>
        Assert.Equal(BooleanValue.False, Value("!Condition IsTest", Template));

    [Fact]
    public void Or_TrueOperandDecidesDespiteUnknown() =>
        Assert.Equal(BooleanValue.True, Value("!Condition ProdOrDefault", Template));

    [Fact]
    public void And_FalseOperandDecidesDespiteUnknown() =>
        Assert.Equal(BooleanValue.False, Value("!Condition TestAndDefault", Template));

    [Fact]
    public void And_TrueAndUnknown_IsUnknown() =>
        Assert.IsType<UnknownValue>(Value("!And [!Condition IsProduction, !Condition HasDefaultAmi]", Template));

    [Fact]
    public void If_DocumentedExample_PicksBranchByCondition()
    {
        Assert.Equal("prod-bucket", Text(Value("!If [IsProduction, prod-bucket, !Ref AWS::NoValue]", Template)));
        Assert.Equal(NoValue.Instance, Value("!If [IsProduction, !Ref AWS::NoValue, x]", Template));
    }

    [Fact]
    public void If_PicksOnlyTheChosenBranch_SoTheOtherMayBeInvalid() =>
        Assert.Equal("ok", Text(Value("!If [IsProduction, ok, !Select [9, []]]", Template)));

    [Fact]
    public void If_UndecidedWithDifferentBranches_IsUnknownDependingOnBoth()
    {
        var value = Assert.IsType<UnknownValue>(Value("!If [HasDefaultAmi, !Ref Web, plain]", Template));
        Assert.Equal(UnknownReason.ConditionUndecided, value.Reason);
        Assert.Equal(["Web"], value.ResourceDependencies);
    }

    [Fact]
    public void If_UndecidedWithEqualBranches_IsThatValue() =>
        Assert.Equal("same", Text(Value("!If [HasDefaultAmi, same, same]", Template)));

    [Fact]
    public void If_UnknownCondition_ReportsE8002()
    {
        var result = Eval("!If [Nope, a, b]", Template);
        Assert.Equal("E8002", Assert.Single(result.Diagnostics).Rule);
    }

    [Theory]
    [InlineData("!If [IsProduction, a]", "E1028")]
    [InlineData("!If [[IsProduction], a, b]", "E1028")]
    [InlineData("!If [Nope, a, b]", "E8002")]
    [InlineData("!Equals [a]", "E8003")]
    [InlineData("!Equals a", "E8003")]
    [InlineData("!And [!Condition IsProduction]", "E8004")]
    [InlineData("!And [a, !Condition IsProduction]", "E8004")]
    [InlineData("!Not [!Condition IsProduction, !Condition IsTest]", "E8005")]
    [InlineData("!Not [x]", "E8005")]
    [InlineData("!Or [!Condition IsProduction]", "E8006")]
    [InlineData("!Condition Nope", "E8002")]
    public void Validate_WrongShapeOrTarget_ReportsRule(string expression, string rule) =>
        Assert.Equal(rule, Assert.Single(Validate(expression, Template)).Rule);

    [Fact]
    public void Or_ElevenConditions_ReportsE8006()
    {
        var eleven = string.Join(", ", Enumerable.Repeat("!Condition IsProduction", 11));
        Assert.Equal("E8006", Assert.Single(Validate($"!Or [{eleven}]", Template)).Rule);
    }

    [Fact]
    public void Condition_AsPropertyOutsideConditions_StaysAMap()
    {
        var props = BuildModel("Resources:\n  A:\n    Type: X::Y::Z\n    Properties:\n      Rule: { Condition: IsProduction }\n").Resources["A"]!.PropertiesExpression;
        Assert.IsType<MapExpression>(Assert.IsType<MapExpression>(props)["Rule"]);
    }

    [Fact]
    public void Condition_InsideAnd_IsTheFunction()
    {
        var root = (Strata.Templates.Syntax.MappingNode)Parse("V: !And [{ Condition: A }, !Condition B]").Root!;
        var and = Assert.IsType<AndFunction>(Expression.Parse(root["V"]!));
        Assert.All(and.Children, c => Assert.IsType<ConditionFunction>(c));
    }

    [Fact]
    public void Condition_InIamPolicyBlock_StaysAMap()
    {
        var value = Assert.IsType<MapValue>(Value("{ Condition: { StringEquals: { 'aws:x': y } } }"));
        Assert.True(value.TryGetValue("Condition", out _));
    }

    [Fact]
    public void Conditions_DecidedForPrepare_ExposeValues()
    {
        var prepared = Prepare(Template);
        Assert.True(prepared.Conditions["IsProduction"]);
        Assert.False(prepared.Conditions["IsTest"]);
        Assert.Null(prepared.Conditions["HasDefaultAmi"]);
        Assert.True(prepared.Conditions["ProdOrDefault"]);
        Assert.Equal(["HasDefaultAmi"], prepared.Conditions.Undecided);
    }

    [Fact]
    public void Conditions_SsmValueSupplied_DecidesCondition()
    {
        var prepared = TemplateEvaluator.Prepare(Strata.Templates.Syntax.TemplateParser.ParseText(Template), new EvaluationInputs
        {
            ParameterOptions = ParameterResolutionOptions.Lenient with { SsmLookup = name => name == "/aws/ami" ? "ami-123" : null },
        });
        Assert.True(prepared.Conditions["HasDefaultAmi"]);
    }
}
