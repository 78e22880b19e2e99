namespace Strata.Testing;

/// <summary>
/// The variables a Strata user sets to point every AWS tool at a local endpoint: endpoint, region and keys, and
/// shared config files that do not exist, so the machine's ~/.aws never leaks into a test.
/// </summary>
public static class AwsUserEnvironment
{
    public const string Region = "us-east-1";

    /// <summary>For code under test in this process (an environment map: every variable has a value).</summary>
    public static Dictionary<string, string> For(string endpoint, string accessKeyId, string secretAccessKey) => new()
    {
        ["AWS_ENDPOINT_URL"] = endpoint,
        ["AWS_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = accessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = secretAccessKey,
        ["AWS_CONFIG_FILE"] = "/nonexistent/strata-test/config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/strata-test/credentials",
    };

    /// <summary>
    /// For a child process, whose environment is this one's changed by these variables (see
    /// <see cref="ChildProcessEnvironment"/>): a session token or profile set on the machine is removed (null) too.
    /// </summary>
    public static Dictionary<string, string?> ForChildProcess(string endpoint, string accessKeyId, string secretAccessKey)
    {
        var variables = For(endpoint, accessKeyId, secretAccessKey).ToDictionary(v => v.Key, v => (string?)v.Value);
        variables["AWS_SESSION_TOKEN"] = null;
        variables["AWS_PROFILE"] = null;
        return variables;
    }
}
