namespace Strata.Bench.Peers;

/// <summary>
/// Finds the cfn-lint executable itself. pyenv puts a shell shim first on PATH that costs a few hundred
/// milliseconds per call; timing the shim would flatter Strata, so the real script is used when pyenv knows it.
/// </summary>
internal static class CfnLintLocator
{
    public static string Resolve(string name)
    {
        var path = name.Contains('/') ? Path.GetFullPath(name) : ExecutableLookup.FindOnPath(name);
        if (path is null)
        {
            throw new BenchUsageException($"{name} is not on PATH: install cfn-lint 1.51 (pip install cfn-lint==1.51.0) or pass --skip-cfn-lint");
        }

        if (path.Contains("/shims/", StringComparison.Ordinal))
        {
            var output = ProcessRunner.Run("pyenv", ["which", Path.GetFileName(path)], TimeSpan.FromSeconds(30));
            var real = output.Stdout.Trim();
            if (output.Run.ExitCode == 0 && File.Exists(real))
            {
                return real;
            }
        }

        return path;
    }
}
