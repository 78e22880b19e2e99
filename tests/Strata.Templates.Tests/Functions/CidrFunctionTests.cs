using Strata.Templates.Functions;
using Strata.Templates.Values;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Functions;

public sealed class CidrFunctionTests
{
    [Fact]
    public void Evaluate_DocumentedExample_SixSlash27Blocks() =>
        Assert.Equal(
            ["192.168.0.0/27", "192.168.0.32/27", "192.168.0.64/27", "192.168.0.96/27", "192.168.0.128/27", "192.168.0.160/27"],
            Texts(Value("!Cidr ['192.168.0.0/24', 6, 5]")));

    [Fact]
    public void Evaluate_DocumentedJsonFormWithStrings_SameResult() =>
        Assert.Equal(6, Texts(Value("{ 'Fn::Cidr': ['192.168.0.0/24', '6', '5'] }")).Length);

    [Fact]
    public void Evaluate_Slash24sOfSlash16_StepThroughThirdOctet() =>
        Assert.Equal(["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"], Texts(Value("!Cidr ['10.0.0.0/16', 3, 8]")));

    [Fact]
    public void Evaluate_HostBitsInBlock_StartFromNetworkAddress() =>
        Assert.Equal(["10.0.0.0/24"], Texts(Value("!Cidr ['10.0.0.77/16', 1, 8]")));

    [Fact]
    public void Evaluate_Ipv6Slash56_GivesSlash64s() =>
        Assert.Equal(["2600:1f14:abc:de00::/64", "2600:1f14:abc:de01::/64", "2600:1f14:abc:de02::/64"],
            Texts(Value("!Cidr ['2600:1f14:abc:de00::/56', 3, 64]")));

    [Fact]
    public void Evaluate_UnknownBlock_IsUnknownListOnTheVpc()
    {
        var value = Assert.IsType<UnknownValue>(Value("!Cidr [!GetAtt Vpc.CidrBlock, 2, 8]", "Resources:\n  Vpc: { Type: AWS::EC2::VPC }\n"));
        Assert.Equal(ExpectedKind.List, value.Expected);
        Assert.Equal(["Vpc"], value.ResourceDependencies);
    }

    [Theory]
    [InlineData("!Cidr ['10.0.0.0/24', 9, 5]", "holds only 8")]
    [InlineData("!Cidr ['10.0.0.0/24', 0, 5]", "1..256")]
    [InlineData("!Cidr ['10.0.0.0/24', 257, 1]", "1..256")]
    [InlineData("!Cidr ['10.0.0.0/24', 1, 9]", "cidrBits")]
    [InlineData("!Cidr ['not-a-cidr', 1, 8]", "CIDR block")]
    public void Evaluate_Impossible_ReportsE1024(string expression, string mentioned)
    {
        var d = Assert.Single(Eval(expression).Diagnostics);
        Assert.Equal("E1024", d.Rule);
        Assert.Contains(mentioned, d.Message);
    }

    [Theory]
    [InlineData("!Cidr ['10.0.0.0/16', 2]")]
    [InlineData("!Cidr ['10.0.0.0/16', two, 8]")]
    [InlineData("!Cidr [[a], 2, 8]")]
    [InlineData("!Cidr ['10.0.0.0/24', 9, 5]")]
    public void Validate_WrongArguments_ReportsE1024(string expression) =>
        Assert.Equal("E1024", Assert.Single(Validate(expression)).Rule);

    [Fact]
    public void TrySplit_ZeroCidrBits_IsRejected()
    {
        Assert.False(CidrMath.TrySplit("10.1.2.3/32", 1, 0, out _, out var error));
        Assert.Contains("cidrBits", error);
    }

    [Fact]
    public void TrySplit_Slash30IntoTwo_GivesSlash31s()
    {
        Assert.True(CidrMath.TrySplit("10.1.2.0/30", 2, 1, out var subnets, out _));
        Assert.Equal(["10.1.2.0/31", "10.1.2.2/31"], subnets);
    }
}
