using Strata.Templates.Evaluation;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Evaluation;

public sealed class RuleEvaluatorTests
{
    private const string Template = """
        Parameters:
          Environment: { Type: String, Default: test }
          InstanceType: { Type: String, Default: t3.micro }
        Rules:
          ProdInstanceType:
            RuleCondition: !Equals [!Ref Environment, prod]
            Assertions:
              - Assert: !Contains [[m5.large, m5.xlarge], !Ref InstanceType]
                AssertDescription: For production, the instance type must be m5.large or m5.xlarge
          Always:
            Assertions:
              - Assert: !Not [!Equals [!Ref InstanceType, t2.nano]]
        Resources:
          Web: { Type: AWS::EC2::Instance }
        """;

    [Fact]
    public void Prepare_RuleConditionFalse_SkipsAssertions() =>
        Assert.Empty(Prepare(Template).Diagnostics);

    [Fact]
    public void Prepare_DocumentedProdExample_FailingAssertionReportsItsDescription()
    {
        var d = Assert.Single(Prepare(Template, Params(("Environment", "prod"))).Diagnostics);
        Assert.Equal(RuleEvaluator.AssertionFailed, d.Rule);
        Assert.Contains("must be m5.large or m5.xlarge", d.Message);
        Assert.Equal("Rules/ProdInstanceType/Assertions/0", d.Path);
    }

    [Fact]
    public void Prepare_FailingAssertion_IsErrorWhenDeployingAndWarningWhenChecking()
    {
        var values = Params(("Environment", "prod"));
        Assert.Equal(Diagnostics.Severity.Error, Assert.Single(Prepare(Template, values, strict: true).Diagnostics).Severity);
        Assert.Equal(Diagnostics.Severity.Warning, Assert.Single(Prepare(Template, values, strict: false).Diagnostics).Severity);
    }

    [Fact]
    public void Prepare_RuleWithoutCondition_AlwaysChecked() =>
        Assert.Contains("ProdInstanceType", Assert.Single(Prepare(Template, Params(("Environment", "prod"), ("InstanceType", "t3.small"))).Diagnostics).Message);

    [Fact]
    public void Prepare_AssertionWithoutDescription_ShowsTheAssertion() =>
        Assert.Contains("'Always'", Assert.Single(Prepare(Template, Params(("InstanceType", "t2.nano"))).Diagnostics).Message);

    [Fact]
    public void Prepare_AssertionOnUnknownValue_IsNotReported() =>
        Assert.Empty(Prepare(Template.Replace("InstanceType: { Type: String, Default: t3.micro }", "InstanceType: { Type: String }", StringComparison.Ordinal), Params(("Environment", "prod"))).Diagnostics);

    [Fact]
    public void Expression_Dependencies_ListsReferencedResourcesOnly()
    {
        var template = BuildModel("Parameters:\n  P: { Type: String }\nResources:\n  A: { Type: X::Y::Z }\n  B: { Type: X::Y::Z }\n");
        Assert.Equal(["A", "B"], Expr("!Join ['', [!Ref P, !Sub '${B.Arn}', !Ref A, !Ref AWS::Region]]").Dependencies(template));
    }
}
