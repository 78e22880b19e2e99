using System.Globalization;

namespace Strata.Bench;

/// <summary>
/// <c>--name value</c> options and <c>--flag</c> switches after the command word. Unknown options are an error,
/// so a typo does not silently run the default benchmark.
/// </summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private BenchArgs(string command) => Command = command;

    public string Command { get; }

    public static BenchArgs Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            throw new BenchUsageException("Usage: Strata.Bench compare|generate|corpus|file|profile [--option value]... (see bench/README.md)");
        }

        var parsed = new BenchArgs(args[0]);
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new BenchUsageException($"Unexpected argument '{name}': options are --name value");
            }

            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            parsed._values[name[2..]] = hasValue ? args[++i] : null;
        }

        return parsed;
    }

    public string String(string name, string fallback)
    {
        _used.Add(name);
        return _values.TryGetValue(name, out var value) && value is not null ? value : fallback;
    }

    public string? OptionalString(string name)
    {
        _used.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public int Int(string name, int fallback)
    {
        var text = String(name, fallback.ToString(CultureInfo.InvariantCulture));
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new BenchUsageException($"--{name} needs a non-negative whole number, not '{text}'");
    }

    /// <summary>A comma-separated list of whole numbers (<c>--conditions 50,100,200</c>); empty means none.</summary>
    public int[] IntList(string name, int[] fallback)
    {
        var text = OptionalString(name);
        if (text is null)
        {
            return fallback;
        }

        var values = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return values.Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new BenchUsageException($"--{name} needs comma-separated positive whole numbers, not '{text}'"))
            .ToArray();
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        return _values.ContainsKey(name);
    }

    /// <summary>Call after reading every option the command knows.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new BenchUsageException($"Unknown option(s) for '{Command}': {string.Join(", ", unknown.Select(u => "--" + u))}");
        }
    }
}
