namespace Strata.Providers.Aws.Configuration;

/// <summary>
/// The shared AWS config and credentials files, located as the AWS tools locate them
/// (<c>AWS_CONFIG_FILE</c>, <c>AWS_SHARED_CREDENTIALS_FILE</c>, else <c>~/.aws/config</c> and <c>~/.aws/credentials</c>).
/// </summary>
public sealed class SharedConfig
{
    private readonly Dictionary<string, AwsProfile> _profiles;
    private readonly Dictionary<string, ConfigSection> _services;

    private SharedConfig(string configPath, string credentialsPath,
        Dictionary<string, AwsProfile> profiles, Dictionary<string, ConfigSection> services)
    {
        ConfigPath = configPath;
        CredentialsPath = credentialsPath;
        _profiles = profiles;
        _services = services;
    }

    public string ConfigPath { get; }
    public string CredentialsPath { get; }

    public IEnumerable<string> ProfileNames => _profiles.Keys;

    public static SharedConfig Load(IAwsEnvironment environment)
    {
        var configPath = ResolvePath(environment, "AWS_CONFIG_FILE", "config");
        var credentialsPath = ResolvePath(environment, "AWS_SHARED_CREDENTIALS_FILE", "credentials");
        return FromSections(configPath, SharedConfigFile.Load(configPath), credentialsPath, SharedConfigFile.Load(credentialsPath));
    }

    public static SharedConfig FromSections(string configPath, IEnumerable<ConfigSection> configSections,
        string credentialsPath, IEnumerable<ConfigSection> credentialsSections)
    {
        var profiles = new Dictionary<string, AwsProfile>(StringComparer.Ordinal);
        var services = new Dictionary<string, ConfigSection>(StringComparer.Ordinal);
        foreach (var section in configSections)
        {
            // In the config file a profile is [default] or [profile NAME]; [services NAME] holds endpoint
            // settings; anything else (e.g. [sso-session x]) is not a profile.
            if (section.Name == "default") Profile(profiles, "default").Merge(section);
            else if (TryStripPrefix(section.Name, "profile", out var name)) Profile(profiles, name).Merge(section);
            else if (TryStripPrefix(section.Name, "services", out var servicesName)) services[servicesName] = section;
        }
        // Every section of the credentials file is a profile, named as written; its values win.
        foreach (var section in credentialsSections)
            Profile(profiles, section.Name).Merge(section);
        return new SharedConfig(configPath, credentialsPath, profiles, services);
    }

    public AwsProfile? FindProfile(string name) => _profiles.GetValueOrDefault(name);

    /// <summary>The profile, or an error that names it and the two files that were searched.</summary>
    public AwsProfile GetProfile(string name) =>
        FindProfile(name) ?? throw new AwsConfigurationException(
            $"AWS profile '{name}' was not found in {ConfigPath} or {CredentialsPath}.");

    public ConfigSection? FindServicesSection(string name) => _services.GetValueOrDefault(name);

    private static AwsProfile Profile(Dictionary<string, AwsProfile> profiles, string name)
    {
        if (!profiles.TryGetValue(name, out var profile)) profiles[name] = profile = new AwsProfile(name);
        return profile;
    }

    private static bool TryStripPrefix(string sectionName, string prefix, out string name)
    {
        name = "";
        if (!sectionName.StartsWith(prefix, StringComparison.Ordinal) || sectionName.Length <= prefix.Length ||
            !char.IsWhiteSpace(sectionName[prefix.Length]))
            return false;
        name = sectionName[prefix.Length..].Trim();
        return name.Length > 0;
    }

    private static string ResolvePath(IAwsEnvironment environment, string variable, string fileName)
    {
        var configured = environment.GetVariable(variable);
        var home = environment.HomeDirectory;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (home is not null && (configured == "~" || configured.StartsWith("~/")))
                return Path.Combine(home, configured.TrimStart('~').TrimStart('/'));
            return configured;
        }
        if (home is null)
            return Path.Combine(".aws", fileName);
        return Path.Combine(home, ".aws", fileName);
    }
}
