using Strata.Templates.Evaluation;
using Strata.Templates.Functions;
using Strata.Templates.Values;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Functions;

public sealed class SubFunctionTests
{
    private const string Template = """
        Parameters:
          RootDomainName: { Type: String, Default: example.com }
          Vpc: { Type: String, Default: vpc-1 }
        Resources:
          Web: { Type: AWS::EC2::Instance }
        """;

    [Fact]
    public void Evaluate_DocumentedVpcArnExample_SubstitutesPseudoAndParameters() =>
        Assert.Equal("arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1",
            Text(Value("!Sub 'arn:aws:ec2:${AWS::Region}:${AWS::AccountId}:vpc/${Vpc}'", Template)));

    [Fact]
    public void Evaluate_DocumentedVariableMapExample_UsesMapFirst() =>
        Assert.Equal("www.example.com",
            Text(Value("!Sub ['www.${Domain}', { Domain: !Ref RootDomainName }]", Template)));

    [Fact]
    public void Evaluate_EscapedLiteral_KeepsDollarBraces() =>
        Assert.Equal("${Literal} and example.com", Text(Value("!Sub '${!Literal} and ${RootDomainName}'", Template)));

    [Fact]
    public void Evaluate_ResourceAttribute_IsUnknownUntilCreated()
    {
        var value = Assert.IsType<UnknownValue>(Value("!Sub 'http://${Web.PublicDnsName}/'", Template));
        Assert.Equal(["Web"], value.ResourceDependencies);

        var state = new ResourceState().WithResource("Web", "i-1", new Dictionary<string, Value> { ["PublicDnsName"] = Values.Value.Str("ec2.example") });
        Assert.Equal("http://ec2.example/", Text(Value("!Sub 'http://${Web.PublicDnsName}/'", Template, state: state)));
    }

    [Fact]
    public void Evaluate_ResourceRef_UsesPhysicalId()
    {
        var state = new ResourceState().WithResource("Web", "i-0abc");
        Assert.Equal("id=i-0abc", Text(Value("!Sub 'id=${Web}'", Template, state: state)));
    }

    [Fact]
    public void Evaluate_NoVariables_ReturnsTextAsIs() =>
        Assert.Equal("plain $ text {}", Text(Value("!Sub 'plain $ text {}'")));

    [Fact]
    public void Evaluate_UnclosedBrace_KeepsTextLiterally() =>
        Assert.Equal("a ${b", Text(Value("!Sub 'a ${b'")));

    [Fact]
    public void Evaluate_ListVariable_ReportsE1019() =>
        Assert.Equal("E1019", Assert.Single(Eval("!Sub ['${X}', { X: [a] }]").Diagnostics).Rule);

    [Fact]
    public void Parse_Segments_SplitLiteralsAndVariables()
    {
        var segments = SubTemplate.Parse("a${B}c${!D}${E.F}");
        Assert.Equal(
            [new SubSegment("a", false), new SubSegment("B", true), new SubSegment("c${D}", false), new SubSegment("E.F", true)],
            segments);
        Assert.Equal("E", segments[3].Head);
        Assert.Equal("F", segments[3].Attribute);
    }

    [Fact]
    public void Validate_UnknownVariable_ReportsE1019() =>
        Assert.Equal("E1019", Assert.Single(Validate("!Sub '${Nope}'", Template)).Rule);

    [Fact]
    public void Validate_UnknownResourceAttribute_ReportsE1019() =>
        Assert.Equal("E1019", Assert.Single(Validate("!Sub '${Nope.Arn}'", Template)).Rule);

    [Theory]
    [InlineData("!Sub '${AWS::Region}-${Vpc}-${Web}-${Web.Arn}'")]
    [InlineData("!Sub ['${X}', { X: 1 }]")]
    public void Validate_KnownVariables_ReportsNothing(string expression) =>
        Assert.Empty(Validate(expression, Template));

    [Theory]
    [InlineData("!Sub [a]")]
    [InlineData("!Sub [a, b]")]
    [InlineData("!Sub [[a], {}]")]
    [InlineData("{ 'Fn::Sub': { a: b } }")]
    public void Validate_WrongShape_ReportsE1019(string expression) =>
        Assert.Equal("E1019", Assert.Single(Validate(expression)).Rule);

    [Fact]
    public void Accept_Sub_ReportsImplicitReferencesButNotMapVariables()
    {
        var visitor = new RecordingVisitor();
        Expr("!Sub ['${Web}${Web.Arn}${X}${AWS::Region}', { X: !Ref Vpc }]").Accept(visitor);
        Assert.Equal(["Ref Web", "GetAtt Web.Arn", "Ref AWS::Region", "Ref Vpc"], visitor.Seen);
    }

    private sealed class RecordingVisitor : ReferenceVisitor
    {
        public List<string> Seen { get; } = [];

        public override void OnRef(string target, Expression at) => Seen.Add("Ref " + target);

        public override void OnGetAtt(string resource, string? attribute, Expression at) => Seen.Add($"GetAtt {resource}.{attribute}");
    }
}
