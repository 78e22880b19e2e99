namespace Strata.Providers.Aws.Configuration;

/// <summary>
/// Where AWS settings come from: environment variables and the home directory. Injected so that tests
/// and the platform (one tenant's settings at a time) never touch the process environment.
/// </summary>
public interface IAwsEnvironment
{
    string? GetVariable(string name);

    /// <summary>The user's home directory, where <c>.aws/config</c> and <c>.aws/credentials</c> live.</summary>
    string? HomeDirectory { get; }
}

/// <summary>The real process environment.</summary>
public sealed class ProcessEnvironment : IAwsEnvironment
{
    public static readonly ProcessEnvironment Instance = new();

    private ProcessEnvironment() { }

    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public string? HomeDirectory
    {
        get
        {
            var home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetEnvironmentVariable("USERPROFILE");
            if (!string.IsNullOrEmpty(home)) return home;
            var profile = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return string.IsNullOrEmpty(profile) ? null : profile;
        }
    }
}

/// <summary>A fixed set of variables, e.g. a tenant's settings or a test's.</summary>
public sealed class MapEnvironment(IReadOnlyDictionary<string, string> variables, string? homeDirectory = null) : IAwsEnvironment
{
    public string? GetVariable(string name) => variables.TryGetValue(name, out var value) ? value : null;

    public string? HomeDirectory => homeDirectory;
}
