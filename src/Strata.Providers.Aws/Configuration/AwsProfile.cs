namespace Strata.Providers.Aws.Configuration;

/// <summary>
/// A named profile merged from <c>~/.aws/config</c> and <c>~/.aws/credentials</c> (the credentials file wins
/// where both set a key, as the AWS CLI does).
/// </summary>
public sealed class AwsProfile
{
    private readonly Dictionary<string, (string Value, string File)> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, string>> _nested = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _files = [];

    public AwsProfile(string name) => Name = name;

    public string Name { get; }

    /// <summary>The files that define this profile, for messages.</summary>
    public IReadOnlyList<string> Files => _files;

    public string? Get(string key) => _values.TryGetValue(key, out var entry) && entry.Value.Length > 0 ? entry.Value : null;

    /// <summary>Which file set <paramref name="key"/>, for messages.</summary>
    public string? FileOf(string key) => _values.TryGetValue(key, out var entry) ? entry.File : null;

    public IReadOnlyDictionary<string, string>? GetNested(string key) => _nested.GetValueOrDefault(key);

    /// <summary>"profile 'dev' (/home/me/.aws/credentials)".</summary>
    public string Describe() => _files.Count == 0 ? $"profile '{Name}'" : $"profile '{Name}' ({string.Join(", ", _files)})";

    internal void Merge(ConfigSection section)
    {
        if (!_files.Contains(section.FilePath)) _files.Add(section.FilePath);
        foreach (var (key, value) in section.Values)
            _values[key] = (value, section.FilePath);
        foreach (var (key, nested) in section.Nested)
        {
            if (!_nested.TryGetValue(key, out var merged))
                _nested[key] = merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (k, v) in nested) merged[k] = v;
        }
    }
}
