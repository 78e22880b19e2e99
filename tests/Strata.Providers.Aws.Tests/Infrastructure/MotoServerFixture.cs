using Strata.Providers.Aws.Configuration;

namespace Strata.Providers.Aws.Tests.Infrastructure;

/// <summary>
/// moto_server on a free loopback port (see <see cref="MotoServerHost"/>), shared by a test collection, with the
/// ways these tests reach it: the environment a user would set, a client context resolved from it, the aws CLI.
/// </summary>
public class MotoServerFixture : MotoServerHost, IAsyncLifetime
{
    public MotoServerFixture() : this(new Dictionary<string, string>())
    {
    }

    /// <param name="serverEnvironment">Extra variables for the moto process (e.g. INITIAL_NO_AUTH_ACTION_COUNT).</param>
    protected MotoServerFixture(IReadOnlyDictionary<string, string> serverEnvironment) : base(serverEnvironment)
    {
    }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>
    /// The environment a Strata user would set to point every AWS tool at moto: endpoint, region and keys,
    /// and config-file paths that do not exist so the machine's ~/.aws never leaks in.
    /// </summary>
    public Dictionary<string, string> UserEnvironment() => AwsUserEnvironment.For(Endpoint.ToString(), AccessKeyId, SecretAccessKey);

    /// <summary>A client context resolved exactly as the CLI would, from environment variables.</summary>
    public AwsClientContext CreateContext(Action<Dictionary<string, string>>? adjust = null, AwsContextOptions? options = null)
    {
        var variables = UserEnvironment();
        adjust?.Invoke(variables);
        return AwsClientContext.FromEnvironment(new MapEnvironment(variables), options);
    }

    public AwsCli Cli => new(Endpoint, UserEnvironment());
}

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "moto";
}
