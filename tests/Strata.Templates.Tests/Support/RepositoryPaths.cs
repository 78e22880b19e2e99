namespace Strata.Templates.Tests.Support;

/// <summary>Finds the repository root (the folder holding Strata.sln) and the shared corpus beside it.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Strata.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Strata.sln not found above " + AppContext.BaseDirectory);
    });

    public static string RepositoryRoot => Root.Value;

    /// <summary>The read-only shared corpus (<c>../shared/corpus</c> from the repository root).</summary>
    public static string Corpus
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));
            if (!Directory.Exists(path))
            {
                throw new InvalidOperationException($"The shared corpus is missing: expected it at {path}");
            }

            return path;
        }
    }
}
