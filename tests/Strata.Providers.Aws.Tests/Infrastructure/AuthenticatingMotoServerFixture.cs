using System.Text.Json;

namespace Strata.Providers.Aws.Tests.Infrastructure;

/// <summary>
/// A moto_server that checks every request's SigV4 signature and the caller's IAM policy (moto does so once
/// INITIAL_NO_AUTH_ACTION_COUNT requests have passed). The first three requests create an IAM user with an
/// allow-all policy and an access key; after that only correctly signed requests with that key succeed.
/// </summary>
public sealed class AuthenticatingMotoServerFixture : MotoServerFixture
{
    private const int SetupRequests = 3;

    public AuthenticatingMotoServerFixture()
        : base(new Dictionary<string, string> { ["INITIAL_NO_AUTH_ACTION_COUNT"] = SetupRequests.ToString() })
    {
    }

    public string UserAccessKeyId { get; private set; } = "";
    public string UserSecretAccessKey { get; private set; } = "";
    public string UserArn { get; private set; } = "";

    protected override async Task OnStartedAsync()
    {
        var user = (await Cli.JsonAsync("iam", "create-user", "--user-name", "strata")).RootElement;
        UserArn = user.GetProperty("User").GetProperty("Arn").GetString()!;
        await Cli.JsonAsync("iam", "put-user-policy", "--user-name", "strata", "--policy-name", "all", "--policy-document",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");
        var key = (await Cli.JsonAsync("iam", "create-access-key", "--user-name", "strata")).RootElement.GetProperty("AccessKey");
        UserAccessKeyId = key.GetProperty("AccessKeyId").GetString()!;
        UserSecretAccessKey = key.GetProperty("SecretAccessKey").GetString()!;
    }

    /// <summary>The user environment with the IAM user's real key instead of the dummy one.</summary>
    public Dictionary<string, string> UserKeyEnvironment()
    {
        var variables = UserEnvironment();
        variables["AWS_ACCESS_KEY_ID"] = UserAccessKeyId;
        variables["AWS_SECRET_ACCESS_KEY"] = UserSecretAccessKey;
        return variables;
    }
}

[CollectionDefinition(Name)]
public sealed class AuthenticatingMotoCollection : ICollectionFixture<AuthenticatingMotoServerFixture>
{
    public const string Name = "moto-auth";
}
