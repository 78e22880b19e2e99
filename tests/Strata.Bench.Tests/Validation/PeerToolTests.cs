using Strata.Bench.Peers;

namespace Strata.Bench.Tests.Validation;

public sealed class PeerToolTests
{
    [Fact]
    public void Arguments_EachTool_ItsJsonCommandLine()
    {
        Assert.Equal(["a.yaml", "b.json", "--format", "json"], PeerTool.CfnLint("cfn-lint", null).Arguments(["a.yaml", "b.json"]));
        Assert.Equal(["validate", "a.yaml", "--format", "json"], PeerTool.Strata("strata").Arguments(["a.yaml"]));
        Assert.Equal(8L << 30, PeerTool.CfnLint("cfn-lint", 8L << 30).MemoryLimitBytes);
    }

    [Theory]
    [InlineData("""[{"Rule": {"Id": "E3012"}}, {"Rule": {"Id": "W2001"}}]""", 2)]
    [InlineData("[]", 0)]
    [InlineData("""{"matches": []}""", null)]
    [InlineData("Traceback (most recent call last):", null)]
    [InlineData("", null)]
    public void CountFindings_CfnLintOutput_LengthOfItsArray(string stdout, int? expected)
    {
        Assert.Equal(expected, PeerTool.CfnLint("cfn-lint", null).CountFindings(stdout));
    }

    [Theory]
    [InlineData("""{"files": [{"diagnostics": [{}, {}]}, {"diagnostics": [{}]}, {"path": "x"}]}""", 3)]
    [InlineData("""{"files": []}""", 0)]
    [InlineData("""{"diagnostics": []}""", null)]
    [InlineData("""{"files": 3}""", null)]
    [InlineData("strata: cannot read x.yaml", null)]
    public void CountFindings_StrataOutput_DiagnosticsOverAllFiles(string stdout, int? expected)
    {
        Assert.Equal(expected, PeerTool.Strata("strata").CountFindings(stdout));
    }
}
