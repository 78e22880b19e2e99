namespace Strata.Bench.Tests.Validation;

public sealed class BenchArgsTests
{
    [Fact]
    public void Parse_CommandAndOptions_ReadsEachKind()
    {
        var args = BenchArgs.Parse(["generate", "--out", "/tmp/gen", "--quick", "--runs", "7", "--conditions", "50, 100,200"]);

        Assert.Equal("generate", args.Command);
        Assert.Equal("/tmp/gen", args.String("out", "generated"));
        Assert.True(args.Flag("quick"));
        Assert.Equal(7, args.Int("runs", 15));
        Assert.Equal([50, 100, 200], args.IntList("conditions", [1]));
        args.RejectUnknown();
    }

    [Fact]
    public void Parse_OptionsLeftOut_Fallbacks()
    {
        var args = BenchArgs.Parse(["corpus"]);

        Assert.Equal("../shared/corpus", args.String("corpus", "../shared/corpus"));
        Assert.Equal(5, args.Int("passes", 5));
        Assert.Equal([500, 10_000], args.IntList("resources", [500, 10_000]));
        Assert.Null(args.OptionalString("path"));
        Assert.False(args.Flag("quick"));
    }

    [Fact]
    public void String_OptionGivenWithoutValue_Fallback()
    {
        var args = BenchArgs.Parse(["compare", "--out", "--quick"]);

        Assert.Equal("bench/results/latest.json", args.String("out", "bench/results/latest.json"));
        Assert.True(args.Flag("quick"));
    }

    [Theory]
    [InlineData("Usage: Strata.Bench compare|generate|corpus|file|profile [--option value]... (see bench/README.md)")]
    [InlineData("Usage: Strata.Bench compare|generate|corpus|file|profile [--option value]... (see bench/README.md)", "--passes", "3")]
    [InlineData("Unexpected argument 'extra': options are --name value", "compare", "extra")]
    [InlineData("Unexpected argument '-q': options are --name value", "compare", "-q")]
    public void Parse_BadUsage_UsageErrorSayingWhatIsExpected(string expected, params string[] argv)
    {
        var error = Assert.Throws<BenchUsageException>(() => BenchArgs.Parse(argv));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("many")]
    [InlineData("2.5")]
    public void Int_NotANonNegativeWholeNumber_UsageErrorNamingTheOption(string value)
    {
        var args = BenchArgs.Parse(["corpus", "--passes", value]);

        var error = Assert.Throws<BenchUsageException>(() => args.Int("passes", 5));

        Assert.Equal($"--passes needs a non-negative whole number, not '{value}'", error.Message);
    }

    [Theory]
    [InlineData("50,0")]
    [InlineData("50,x")]
    public void IntList_NotPositiveWholeNumbers_UsageErrorNamingTheOption(string value)
    {
        var args = BenchArgs.Parse(["generate", "--conditions", value]);

        var error = Assert.Throws<BenchUsageException>(() => args.IntList("conditions", [8]));

        Assert.Equal($"--conditions needs comma-separated positive whole numbers, not '{value}'", error.Message);
    }

    [Fact]
    public void RejectUnknown_OptionNoCommandRead_UsageErrorListingThem()
    {
        var args = BenchArgs.Parse(["file", "--path", "a.yaml", "--rnus", "3", "--colour"]);
        args.OptionalString("path");
        args.Int("runs", 15);

        var error = Assert.Throws<BenchUsageException>(args.RejectUnknown);

        Assert.Equal("Unknown option(s) for 'file': --rnus, --colour", error.Message);
    }
}
