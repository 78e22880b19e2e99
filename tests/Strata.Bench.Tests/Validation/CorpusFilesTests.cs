using Strata.Bench.Corpus;

namespace Strata.Bench.Tests.Validation;

public sealed class CorpusFilesTests : IDisposable
{
    private readonly string _corpus = Directory.CreateTempSubdirectory("strata-bench-corpus-").FullName;

    public void Dispose() => Directory.Delete(_corpus, recursive: true);

    private string Write(string relativePath)
    {
        var path = Path.Combine(_corpus, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{}");
        return path;
    }

    [Fact]
    public void Find_CorpusFolders_TemplatesOnlySortedOrdinally()
    {
        var expected = new[]
        {
            Write("troposphere-examples-output/b.template"),
            Write("aws-cloudformation-templates/vpc/Zeta.yml"),
            Write("aws-cloudformation-templates/vpc/alpha.yaml"),
            Write("cfn-lint-fixtures/templates/good/x.JSON"),
        }.Order(StringComparer.Ordinal).ToList();
        Write("aws-cloudformation-templates/README.md");
        Write("cfn-lint-fixtures/templates/PAIRS.json");
        Write("cfn-lint-fixtures/templates/good/RESULTS_MAP.json");
        Write("cfn-lint-fixtures/results/x.json");

        Assert.Equal(expected, CorpusFiles.Find(_corpus));
    }

    [Fact]
    public void Find_FolderMissing_UsageErrorNamingIt()
    {
        Write("aws-cloudformation-templates/a.yaml");

        var error = Assert.Throws<BenchUsageException>(() => CorpusFiles.Find(_corpus));

        Assert.Equal($"The corpus folder {Path.Combine(_corpus, "cfn-lint-fixtures/templates")} is missing", error.Message);
    }

    [Fact]
    public void Find_NoCorpus_UsageErrorNamingTheExpectedPlace()
    {
        var nowhere = Path.Combine(_corpus, "nowhere");

        var error = Assert.Throws<BenchUsageException>(() => CorpusFiles.Find(nowhere));

        Assert.StartsWith($"The corpus folder {nowhere} does not exist", error.Message);
    }

    [Fact]
    public void Sample_TenFilesThree_EvenlySpreadFromTheMiddleOfEachStep()
    {
        var files = Enumerable.Range(0, 10).Select(i => $"f{i}").ToList();

        Assert.Equal(["f1", "f5", "f8"], CorpusFiles.Sample(files, 3));
    }

    [Fact]
    public void Sample_AsManyAsThereAre_AllOfThem()
    {
        var files = new[] { "a", "b" };

        Assert.Same(files, CorpusFiles.Sample(files, 5));
    }
}
