using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.CloudFormation;
using Strata.Providers.Aws.Services.Ec2;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Faults;

public sealed class EndpointDownTests
{
    private static AwsClientContext Context(Uri endpoint, TimeProvider time, RetryOptions? retry = null) =>
        AwsClientContext.FromEnvironment(new Strata.Providers.Aws.Configuration.MapEnvironment(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_CLOUDFORMATION"] = endpoint.ToString(),
            ["AWS_ENDPOINT_URL_EC2"] = endpoint.ToString(),
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "AKIDDOWN",
            ["AWS_SECRET_ACCESS_KEY"] = "secret-for-down-endpoint",
            ["AWS_CONFIG_FILE"] = "/nonexistent/config",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials",
        }), new AwsContextOptions { Time = time, Retry = retry });

    [Fact]
    public async Task DescribeStacks_JitterDrawsNoWait_EachRetryStillWaits()
    {
        // Task.Delay counts whole milliseconds: a draw under one would otherwise retry back to back with the failure.
        var time = new BackoffRecordingTimeProvider();
        var endpoint = new Uri($"http://127.0.0.1:{FreePort.Next()}/");

        await Assert.ThrowsAsync<AwsEndpointUnreachableException>(() =>
            new CloudFormationClient(Context(endpoint, time, RetryOptions.Default with { Random = new FixedJitter(0) })).DescribeStacksAsync());

        Assert.Equal([TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)], time.Backoffs);
    }

    [Fact]
    public async Task DescribeStacks_NothingListening_FailsClearlyAfterBoundedRetries()
    {
        var time = new BackoffRecordingTimeProvider();
        var endpoint = new Uri($"http://127.0.0.1:{FreePort.Next()}/");

        var error = await Assert.ThrowsAsync<AwsEndpointUnreachableException>(() =>
            new CloudFormationClient(Context(endpoint, time)).DescribeStacksAsync());

        Assert.Equal(3, error.Attempts);
        Assert.Equal(2, time.Backoffs.Count);
        Assert.Equal("CloudFormation", error.Service);
        Assert.Contains("Could not reach CloudFormation at " + endpoint, error.Message);
        Assert.Contains("AWS_ENDPOINT_URL_CLOUDFORMATION", error.Message);
        Assert.Contains("after 3 attempts", error.Message);
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DescribeVpcs_ServerNeverAnswers_TimesOutEachAttemptThenFails()
    {
        await using var silent = new LoopbackHttpServer(async (_, stop) =>
        {
            await Task.Delay(Timeout.Infinite, stop);
            return null;
        });
        var retry = RetryOptions.Default with
        {
            MaxAttempts = 2, AttemptTimeout = TimeSpan.FromMilliseconds(300), BaseDelay = TimeSpan.FromMilliseconds(1),
        };

        var error = await Assert.ThrowsAsync<AwsEndpointUnreachableException>(() =>
            new Ec2Client(Context(silent.Url, TimeProvider.System, retry)).DescribeVpcsAsync(new DescribeVpcsRequest()));

        // Counted by the client: how fast the loopback server reads each request depends on machine load.
        Assert.Equal(2, error.Attempts);
        Assert.Contains("no complete response within 0.3 s", error.Message);
    }
}
