namespace Strata.Providers.Aws.Configuration;

/// <summary>One <c>[section]</c> of an AWS shared config or credentials file.</summary>
public sealed class ConfigSection(string name, string filePath, int line)
{
    public string Name { get; } = name;
    public string FilePath { get; } = filePath;
    public int Line { get; } = line;

    /// <summary>Keys are lower-cased, as the AWS CLI reads them.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Nested properties: <c>s3 =</c> followed by indented <c>addressing_style = path</c>.</summary>
    public Dictionary<string, Dictionary<string, string>> Nested { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Parser for the INI dialect of <c>~/.aws/config</c> and <c>~/.aws/credentials</c>: sections, <c>key = value</c>,
/// full-line comments (# or ;), and indented nested properties under a key with an empty value.
/// </summary>
public static class SharedConfigFile
{
    /// <summary>Reads a file; a missing file is an empty list, an unreadable or malformed one an error.</summary>
    public static IReadOnlyList<ConfigSection> Load(string path)
    {
        if (!File.Exists(path)) return [];
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AwsConfigurationException($"Cannot read AWS config file {path}: {e.Message}", e);
        }
        return Parse(text, path);
    }

    public static IReadOnlyList<ConfigSection> Parse(string text, string path)
    {
        var sections = new List<ConfigSection>();
        ConfigSection? current = null;
        string? lastKey = null;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var raw = lines[i];
            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';') continue;

            if (trimmed[0] == '[')
            {
                var close = trimmed.IndexOf(']');
                var name = close > 0 ? trimmed[1..close].Trim() : "";
                if (name.Length == 0)
                    throw Error(path, lineNumber, "a section header must look like [name] or [profile name]");
                current = new ConfigSection(name, path, lineNumber);
                sections.Add(current);
                lastKey = null;
                continue;
            }

            if (current is null)
                throw Error(path, lineNumber, "a setting appears before any [section] header");

            var indented = raw[0] is ' ' or '\t';
            if (indented && lastKey is not null)
            {
                AddIndented(current, lastKey, trimmed, path, lineNumber);
                continue;
            }

            var equals = trimmed.IndexOf('=');
            if (equals <= 0)
                throw Error(path, lineNumber, $"expected 'key = value' in section [{current.Name}]");
            var key = trimmed[..equals].Trim().ToLowerInvariant();
            var value = trimmed[(equals + 1)..].Trim();
            current.Values[key] = value;
            lastKey = key;
        }
        return sections;
    }

    private static void AddIndented(ConfigSection section, string parentKey, string line, string path, int lineNumber)
    {
        var parentValue = section.Values[parentKey];
        var equals = line.IndexOf('=');
        if (parentValue.Length == 0 && equals > 0)
        {
            if (!section.Nested.TryGetValue(parentKey, out var nested))
                section.Nested[parentKey] = nested = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            nested[line[..equals].Trim().ToLowerInvariant()] = line[(equals + 1)..].Trim();
            return;
        }
        if (parentValue.Length == 0 && !section.Nested.ContainsKey(parentKey))
            throw Error(path, lineNumber, $"expected 'key = value' under '{parentKey}' in section [{section.Name}]");
        // A continuation line of a multi-line value.
        section.Values[parentKey] = parentValue + "\n" + line;
    }

    // The offending line itself is not quoted: it may hold a secret.
    private static AwsConfigurationException Error(string path, int line, string what) =>
        new($"{path}:{line}: {what}.");
}
