using Strata.Templates.Functions;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Functions;

public sealed class FunctionValidatorTests
{
    [Fact]
    public void Validate_WholeTemplate_ReportsEachProblemWithItsLine()
    {
        const string yaml = """
            Parameters:
              Env: { Type: String, Default: dev }
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              Bad: !Equals [!Ref Web, x]
            Resources:
              Web:
                Type: AWS::EC2::Instance
                Condition: Missing
                Properties:
                  A: !Ref Nope
                  B: !GetAtt Ghost.Arn
                  C: !If [IsProd, a, b]
                  D: !Join [x]
            Outputs:
              O:
                Condition: AlsoMissing
                Value: !Sub "${Ghost2}"
            """;
        var found = FunctionValidator.Validate(BuildModel(yaml)).Select(d => (d.Rule, d.Location.Line)).ToArray();
        Assert.Equal([("E1020", 5), ("E8002", 9), ("E1020", 11), ("E1010", 12), ("E1022", 14), ("E8002", 17), ("E1019", 18)], found);
    }

    [Fact]
    public void Validate_CleanTemplate_ReportsNothing() =>
        Assert.Empty(FunctionValidator.Validate(BuildModel("Parameters:\n  P: { Type: String }\nResources:\n  A: { Type: X::Y::Z, Properties: { Name: !Sub '${P}-${AWS::Region}', Other: !GetAtt B.Arn } }\n  B: { Type: X::Y::Z }\n")));

    [Fact]
    public void Parse_UnknownFnKey_StaysAMap() =>
        Assert.IsType<MapExpression>(Expr("{ 'Fn::Nope': [a] }"));

    [Fact]
    public void DescendantsAndSelf_VisitsNestedFunctionsInOrder() =>
        Assert.Equal(["Fn::Join", "Ref", "Fn::GetAtt"],
            Expr("!Join ['', [!Ref A, !GetAtt B.C]]").DescendantsAndSelf().OfType<FunctionExpression>().Select(f => f.Name));
}
