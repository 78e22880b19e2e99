namespace Strata.Providers.Sandbox.Settings;

/// <summary>
/// The sandbox settings file is unreadable or holds a bad value. The message names the file and the key
/// (and the line when the JSON itself is malformed), ready to show to a user as it is.
/// </summary>
public sealed class SandboxSettingsException : Exception
{
    public SandboxSettingsException(string path, string? key, string problem, Exception? inner = null)
        : base(key is null ? $"{path}: {problem}" : $"{path}: '{key}' {problem}", inner)
    {
        Path = path;
        Key = key;
    }

    /// <summary>The settings file.</summary>
    public string Path { get; }

    /// <summary>The offending key as a dotted path (e.g. <c>Throttle.RequestsPerSecond</c>), or null for the whole file.</summary>
    public string? Key { get; }
}
