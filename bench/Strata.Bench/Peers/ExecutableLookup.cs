namespace Strata.Bench.Peers;

internal static class ExecutableLookup
{
    /// <summary>The first <paramref name="name"/> on PATH, as the shell would find it; null when absent.</summary>
    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
