namespace Strata.Bench.Corpus;

/// <summary>
/// The templates of the shared corpus (<c>../shared/corpus</c> from the repository root): every JSON, YAML and
/// <c>.template</c> file under the three template folders, minus the corpus's own index files and cfn-lint's
/// expected results. Sorted, so every run and every peer sees the same list in the same order.
/// </summary>
internal static class CorpusFiles
{
    public static readonly string[] TemplateFolders =
    [
        "aws-cloudformation-templates",
        "cfn-lint-fixtures/templates",
        "troposphere-examples-output",
    ];

    private static readonly string[] Extensions = [".json", ".yaml", ".yml", ".template"];

    private static readonly string[] NotTemplates = ["PAIRS.json", "RESULTS_MAP.json"];

    public static IReadOnlyList<string> Find(string corpusRoot)
    {
        if (!Directory.Exists(corpusRoot))
        {
            throw new BenchUsageException($"The corpus folder {corpusRoot} does not exist (expected ../shared/corpus next to the repository)");
        }

        var files = new List<string>();
        foreach (var folder in TemplateFolders)
        {
            var path = Path.Combine(corpusRoot, folder);
            if (!Directory.Exists(path))
            {
                throw new BenchUsageException($"The corpus folder {path} is missing");
            }

            files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Where(f => !NotTemplates.Contains(Path.GetFileName(f), StringComparer.Ordinal)));
        }

        files.Sort(StringComparer.Ordinal);
        return files.Select(Path.GetFullPath).ToList();
    }

    /// <summary>
    /// An evenly spread sample of <paramref name="count"/> files (every k-th of the sorted list), so it covers
    /// each folder and both formats without choosing favourable templates.
    /// </summary>
    public static IReadOnlyList<string> Sample(IReadOnlyList<string> files, int count)
    {
        if (count >= files.Count)
        {
            return files;
        }

        var step = (double)files.Count / count;
        return Enumerable.Range(0, count).Select(i => files[(int)(i * step + step / 2)]).ToList();
    }
}
