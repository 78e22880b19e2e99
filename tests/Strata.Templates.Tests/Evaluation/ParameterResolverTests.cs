using Strata.Templates.Evaluation;
using Strata.Templates.Values;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Evaluation;

public sealed class ParameterResolverTests
{
    private static ParameterResolution Resolve(string parameters, IReadOnlyDictionary<string, string>? values = null, ParameterResolutionOptions? options = null) =>
        ParameterResolver.Resolve(BuildModel("Parameters:\n" + parameters + "\n" + Minimal), values, options);

    private static string SingleRule(ParameterResolution r) => Assert.Single(r.Diagnostics).Rule;

    [Fact]
    public void Resolve_SuppliedOverDefault_UsesSuppliedAndRecordsSource()
    {
        var r = Resolve("  P: { Type: String, Default: a }", Params(("P", "b")));
        Assert.Empty(r.Diagnostics);
        Assert.Equal(ParameterValueSource.Supplied, r.ByName["P"].Source);
        Assert.Equal("b", Text(r.Values["P"]));
    }

    [Fact]
    public void Resolve_DefaultOnly_UsesDefault()
    {
        var r = Resolve("  P: { Type: String, Default: a }");
        Assert.Equal((ParameterValueSource.Default, "a"), (r.ByName["P"].Source, Text(r.Values["P"])));
    }

    [Fact]
    public void Resolve_MissingStrict_ReportsE2040AtDeclaration()
    {
        var r = Resolve("  P: { Type: String }");
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(ParameterRules.MissingValue, d.Rule);
        Assert.Equal("Parameters/P", d.Path);
        Assert.Equal(2, d.Location.Line);
        Assert.Equal(ParameterValueSource.Missing, r.ByName["P"].Source);
    }

    [Fact]
    public void Resolve_MissingLenient_IsTypedUnknownWithoutDiagnostics()
    {
        var r = Resolve("  P: { Type: CommaDelimitedList }", options: ParameterResolutionOptions.Lenient);
        Assert.Empty(r.Diagnostics);
        var u = Assert.IsType<UnknownValue>(r.Values["P"]);
        Assert.Equal((ExpectedKind.List, UnknownReason.ParameterNotResolved), (u.Expected, u.Reason));
    }

    [Fact]
    public void Resolve_UndeclaredSupplied_ReportsE2041() =>
        Assert.Equal(ParameterRules.UndeclaredParameter, SingleRule(Resolve("  P: { Type: String, Default: a }", Params(("Q", "x")))));

    [Theory]
    [InlineData("  P: { Type: String, AllowedValues: [a, b] }", "c", "E2030")]
    [InlineData("  P: { Type: String, AllowedPattern: '[a-z]+' }", "abc1", "E2031")]
    [InlineData("  P: { Type: String, AllowedPattern: '[a-z]+' }", "abc\n", "E2031")]
    [InlineData("  P: { Type: String, MinLength: 3 }", "ab", "E2032")]
    [InlineData("  P: { Type: String, MaxLength: 3 }", "abcd", "E2032")]
    [InlineData("  P: { Type: Number, MinValue: 1, MaxValue: 10 }", "11", "E2033")]
    [InlineData("  P: { Type: Number, MinValue: 1 }", "0.5", "E2033")]
    [InlineData("  P: { Type: Number }", "ten", "E2034")]
    [InlineData("  P: { Type: 'List<Number>' }", "1,x", "E2034")]
    [InlineData("  P: { Type: 'List<Number>', MaxValue: 5 }", "1, 6", "E2033")]
    [InlineData("  P: { Type: Number, AllowedValues: [1, 2] }", "3", "E2030")]
    [InlineData("  P: { Type: CommaDelimitedList, AllowedValues: [a, b] }", "a, c", "E2030")]
    [InlineData("  P: { Type: 'AWS::EC2::VPC::Id' }", "vpc-xyz", "E2035")]
    [InlineData("  P: { Type: 'AWS::EC2::VPC::Id' }", "subnet-0123456789abcdef0", "E2035")]
    [InlineData("  P: { Type: 'AWS::EC2::Image::Id' }", "ami-123", "E2035")]
    [InlineData("  P: { Type: 'AWS::EC2::SecurityGroup::Id' }", "", "E2035")]
    [InlineData("  P: { Type: 'List<AWS::EC2::Subnet::Id>' }", "subnet-01234567,vpc-01234567", "E2035")]
    [InlineData("  P: { Type: 'AWS::EC2::KeyPair::KeyName' }", "", "E2035")]
    [InlineData("  P: { Type: 'AWS::EC2::AvailabilityZone::Name' }", "useast1", "E2035")]
    [InlineData("  P: { Type: 'AWS::Route53::HostedZone::Id' }", "zone one", "E2035")]
    [InlineData("  P: { Type: 'AWS::SSM::Parameter::Value<String>' }", "", "E2035")]
    public void Resolve_SuppliedValueBreaksConstraint_ReportsRule(string declaration, string value, string rule) =>
        Assert.Equal(rule, SingleRule(Resolve(declaration, Params(("P", value)))));

    [Theory]
    [InlineData("  P: { Type: String, AllowedValues: [a, b] }", "b")]
    [InlineData("  P: { Type: String, AllowedPattern: '[a-z]+' }", "abc")]
    [InlineData("  P: { Type: String, AllowedPattern: 'a|b' }", "b")]
    [InlineData("  P: { Type: String, MinLength: 2, MaxLength: 3 }", "abc")]
    [InlineData("  P: { Type: Number, MinValue: 1, MaxValue: 10 }", "10")]
    [InlineData("  P: { Type: Number }", "-1.5e3")]
    [InlineData("  P: { Type: 'AWS::EC2::VPC::Id' }", "vpc-0123456789abcdef0")]
    [InlineData("  P: { Type: 'AWS::EC2::Subnet::Id' }", "subnet-01234567")]
    [InlineData("  P: { Type: 'AWS::EC2::AvailabilityZone::Name' }", "us-west-2-lax-1a")]
    [InlineData("  P: { Type: 'AWS::EC2::KeyPair::KeyName' }", "my key")]
    [InlineData("  P: { Type: 'AWS::Route53::HostedZone::Id' }", "Z23ABC4XYZL05B")]
    [InlineData("  P: { Type: 'List<AWS::EC2::SecurityGroup::Id>' }", "sg-01234567, sg-89abcdef")]
    [InlineData("  P: { Type: 'AWS::SSM::Parameter::Name' }", "/app/name")]
    public void Resolve_ValidSuppliedValue_ReportsNothing(string declaration, string value) =>
        Assert.Empty(Resolve(declaration, Params(("P", value))).Diagnostics);

    [Fact]
    public void Resolve_ConstraintDescription_IsInTheMessage() =>
        Assert.Contains("lowercase only", Assert.Single(Resolve("  P: { Type: String, AllowedPattern: '[a-z]+', ConstraintDescription: lowercase only }", Params(("P", "A"))).Diagnostics).Message);

    [Fact]
    public void Resolve_DefaultBreaksConstraint_ReportsE2015AtDefault()
    {
        var d = Assert.Single(Resolve("  P:\n    Type: String\n    AllowedValues: [a]\n    Default: b").Diagnostics);
        Assert.Equal(ParameterRules.DefaultViolatesConstraints, d.Rule);
        Assert.Equal("Parameters/P/Default", d.Path);
        Assert.Equal(5, d.Location.Line);
    }

    [Fact]
    public void Resolve_Number_KeepsText() =>
        Assert.Equal("0.10", Assert.IsType<NumberValue>(Resolve("  P: { Type: Number, Default: 0.10 }").Values["P"]).Text);

    [Fact]
    public void Resolve_NumberList_IsListOfNumbers()
    {
        var list = Assert.IsType<ListValue>(Resolve("  P: { Type: 'List<Number>', Default: '1, 2' }").Values["P"]);
        Assert.All(list.Items, i => Assert.IsType<NumberValue>(i));
        Assert.Equal(["1", "2"], Texts(list));
    }

    [Fact]
    public void Resolve_CommaDelimitedList_SplitsAndTrims() =>
        Assert.Equal(["a", "b", ""], Texts(Resolve("  P: { Type: CommaDelimitedList }", Params(("P", " a ,b,"))).Values["P"]));

    [Fact]
    public void Resolve_SsmValue_IsUnknownOfInnerKind()
    {
        var r = Resolve("  P: { Type: 'AWS::SSM::Parameter::Value<List<String>>', Default: /cfg/list }");
        var u = Assert.IsType<UnknownValue>(r.Values["P"]);
        Assert.Equal((ExpectedKind.List, UnknownReason.ParameterNotResolved), (u.Expected, u.Reason));
        Assert.Contains("/cfg/list", u.Source);
    }

    [Fact]
    public void Resolve_SsmValueWithLookup_TypesTheStoredValueAndChecksIt()
    {
        var options = ParameterResolutionOptions.Strict with { SsmLookup = _ => "ami-nothex" };
        var r = Resolve("  P: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /ami }", options: options);
        Assert.Equal("ami-nothex", Text(r.Values["P"]));
        Assert.Equal("E2015", Assert.Single(r.Diagnostics).Rule);
    }

    [Fact]
    public void Resolve_NoEcho_MasksDisplay()
    {
        var p = Resolve("  P: { Type: String, NoEcho: true }", Params(("P", "secret"))).ByName["P"];
        Assert.True(p.NoEcho);
        Assert.Equal("****", p.Display);
        Assert.Equal("secret", Text(p.Value));
    }

    [Fact]
    public void Resolve_InvalidPattern_ReportsInfoInsteadOfFailing()
    {
        var d = Assert.Single(Resolve("  P: { Type: String, AllowedPattern: '[a-' }", Params(("P", "x"))).Diagnostics);
        Assert.Equal((ParameterRules.InvalidPattern, Diagnostics.Severity.Info), (d.Rule, d.Severity));
    }

    [Theory]
    [InlineData("  P: { Type: String, AllowedValues: [x, y] }", "x")]
    [InlineData("  P: { Type: Number, MinValue: 5 }", "5")]
    [InlineData("  P: { Type: 'AWS::EC2::VPC::Id' }", "vpc-0123456789abcdef0")]
    [InlineData("  P: { Type: String, MinLength: 3, MaxLength: 8 }", "xxx")]
    public void Placeholder_SatisfiesTheDeclaration(string declaration, string expected)
    {
        var decl = BuildModel("Parameters:\n" + declaration + "\n" + Minimal).Parameters["P"]!;
        var placeholder = ParameterResolver.Placeholder(decl);
        Assert.Equal(expected, placeholder);
        Assert.Empty(Resolve(declaration, Params(("P", placeholder))).Diagnostics);
    }
}
