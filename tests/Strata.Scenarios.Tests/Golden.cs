namespace Strata.Scenarios.Tests;

/// <summary>
/// Compares text with a golden file under <c>Scenarios/NAME/</c> in the source tree. With
/// <c>STRATA_UPDATE_GOLDEN=1</c> the file is (re)written instead — review the diff before keeping it.
/// </summary>
internal static class Golden
{
    public static void Assert(string scenario, string file, string actual)
    {
        var path = Path.Combine(SourceDirectory(), "Scenarios", scenario, file);
        if (Environment.GetEnvironmentVariable("STRATA_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Xunit.Assert.True(File.Exists(path), $"golden file {path} is missing (run with STRATA_UPDATE_GOLDEN=1 to create it)");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Xunit.Assert.Equal(expected, actual);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
