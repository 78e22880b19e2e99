namespace Strata.Cli.Infrastructure;

/// <summary>Turns repeated <c>--parameter KEY=VALUE</c> arguments into a dictionary.</summary>
public static class ParameterArguments
{
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> arguments)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var eq = argument.IndexOf('=');
            if (eq <= 0)
            {
                throw new UsageException($"--parameter '{argument}' is not KEY=VALUE");
            }

            var key = argument[..eq].Trim();
            if (!result.TryAdd(key, argument[(eq + 1)..]))
            {
                throw new UsageException($"--parameter {key} is given more than once");
            }
        }

        return result;
    }
}
