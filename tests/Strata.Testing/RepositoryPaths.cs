namespace Strata.Testing;

/// <summary>Finds the repository root (the folder holding Strata.sln) and the shared corpus beside it.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>The read-only shared corpus: the repository root's sibling <c>shared/corpus</c>.</summary>
    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

    /// <summary>The corpus's SigV4 signing vectors.</summary>
    public static string SigV4Corpus => Path.Combine(Corpus, "sigv4");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Strata.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Strata.sln found above {AppContext.BaseDirectory}.");
    }
}
