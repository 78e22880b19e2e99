namespace Strata.Cli.Tests.Support;

/// <summary>
/// moto_server on a free loopback port for one test class (see <see cref="MotoServerHost"/>), reached the way a
/// user reaches AWS: environment variables given to a child <c>strata</c>.
/// </summary>
public class MotoServer : MotoServerHost, IAsyncLifetime
{
    public MotoServer() : this(new Dictionary<string, string>())
    {
    }

    protected MotoServer(IReadOnlyDictionary<string, string> serverEnvironment) : base(serverEnvironment)
    {
    }

    /// <summary>The endpoint as a user writes it: <c>http://127.0.0.1:PORT</c>, no trailing slash.</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>
    /// What a user sets to point Strata at moto: endpoint, region, keys; the shared config files point nowhere so the
    /// machine's ~/.aws cannot leak in. For the child process only (null removes a variable there).
    /// </summary>
    public Dictionary<string, string?> UserEnvironment() => AwsUserEnvironment.ForChildProcess(Endpoint, AccessKeyId, SecretAccessKey);

    /// <summary>The official aws CLI against this server: a client no one here wrote, to check what Strata built.</summary>
    public AwsCliElements Cli => new(new AwsCli(Endpoint, UserEnvironment()));

    public static int FreePort() => global::Strata.Testing.FreePort.Next();
}

/// <summary>A moto that checks every request's signature and key from the first one: no key is known, so every key is wrong.</summary>
public sealed class AuthenticatingMotoServer() : MotoServer(new Dictionary<string, string> { ["INITIAL_NO_AUTH_ACTION_COUNT"] = "0" });
