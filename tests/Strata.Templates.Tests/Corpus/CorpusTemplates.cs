using Strata.Templates.Tests.Support;

namespace Strata.Templates.Tests.Corpus;

/// <summary>The templates of the shared corpus (<c>../shared/corpus</c> beside the repository), found by extension.</summary>
internal static class CorpusTemplates
{
    private static readonly string[] Extensions = [".json", ".yaml", ".yml", ".template"];

    // Index files of the corpus itself, not templates.
    private static readonly string[] NotTemplates = ["PAIRS.json", "RESULTS_MAP.json"];

    public static string Root => RepositoryPaths.Corpus;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Every template below a corpus folder, in ordinal order so that runs are comparable.</summary>
    public static List<string> Under(string relative)
    {
        var folder = PathOf(relative);
        Assert.True(Directory.Exists(folder), $"corpus folder missing: {folder}");
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !NotTemplates.Contains(Path.GetFileName(f), StringComparer.Ordinal))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
