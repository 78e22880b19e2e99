using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.CloudFormation;
using Strata.Providers.Aws.Services.Sts;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Faults;

/// <summary>
/// Throttling, 5xx and dropped connections injected by a loopback proxy in front of moto: the client retries
/// with back-off and succeeds, or gives up after the configured number of attempts with a typed error.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class RetryThroughProxyTests(MotoServerFixture moto) : IAsyncLifetime
{
    private FaultInjectingProxy _proxy = null!;
    private readonly BackoffRecordingTimeProvider _time = new();

    public Task InitializeAsync()
    {
        _proxy = new FaultInjectingProxy(moto.Endpoint);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    private AwsClientContext Context(int? maxAttempts = null, TimeProvider? time = null) =>
        moto.CreateContext(env =>
        {
            env["AWS_ENDPOINT_URL"] = _proxy.Url.ToString();
            if (maxAttempts is not null) env["AWS_MAX_ATTEMPTS"] = maxAttempts.ToString()!;
        }, new AwsContextOptions { Time = time ?? _time });

    [Theory]
    [InlineData(Fault.Throttling)]
    [InlineData(Fault.ServiceUnavailable)]
    [InlineData(Fault.DropConnection)]
    public async Task GetCallerIdentity_TwoInjectedFaults_RetriesToSuccess(Fault fault)
    {
        _proxy.Inject(fault, 2);

        var identity = await new StsClient(Context()).GetCallerIdentityAsync();

        Assert.Matches("^[0-9]{12}$", identity.Account);
        Assert.Equal(2, _proxy.Injected);
        Assert.Equal(1, _proxy.Forwarded);
        Assert.Equal(2, _time.Backoffs.Count);
        Assert.All(_proxy.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 ", r.Header("Authorization")));
    }

    [Fact]
    public async Task Backoff_SuccessiveRetries_WaitWithinTheDoublingFullJitterBounds()
    {
        _proxy.Inject(Fault.Throttling, 4);

        await new StsClient(Context(maxAttempts: 5)).GetCallerIdentityAsync();

        var waits = _time.Backoffs.ToArray();
        Assert.Equal(4, waits.Length);
        var options = RetryOptions.Default;
        for (var i = 0; i < waits.Length; i++)
        {
            var ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, i));
            Assert.InRange(waits[i].TotalMilliseconds, 0, ceiling);
        }
    }

    [Fact]
    public async Task DescribeStacks_ThrottledOnEveryAttempt_ThrowsThrottlingAfterMaxAttempts()
    {
        _proxy.Inject(Fault.Throttling, 10);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new CloudFormationClient(Context(maxAttempts: 4)).DescribeStacksAsync());

        Assert.Equal("ThrottlingException", error.Code);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal("DescribeStacks", error.Operation);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Equal(4, _proxy.Requests.Count);
        Assert.Equal(0, _proxy.Forwarded);
    }

    [Fact]
    public async Task DescribeStacks_ServiceUnavailableWithHtmlBody_ReportsCodeFromStatus()
    {
        _proxy.Inject(Fault.ServiceUnavailable, 10);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new CloudFormationClient(Context(maxAttempts: 2)).DescribeStacksAsync());

        Assert.Equal("ServiceUnavailable", error.Code);
        Assert.Equal(503, error.HttpStatus);
        Assert.Contains("503 Service Temporarily Unavailable", error.ErrorMessage);
        Assert.Equal(2, _proxy.Requests.Count);
    }

    [Fact]
    public async Task DescribeStacks_ValidationError_IsNotRetried()
    {
        await Assert.ThrowsAsync<AwsServiceException>(() =>
            new CloudFormationClient(Context()).DescribeStacksAsync("strata-no-such-stack-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(1, _proxy.Forwarded);
        Assert.Empty(_time.Backoffs);
    }

    [Fact]
    public async Task GetCallerIdentity_MaxAttemptsOne_DoesNotRetry()
    {
        _proxy.Inject(Fault.Throttling, 1);

        await Assert.ThrowsAsync<AwsServiceException>(() => new StsClient(Context(maxAttempts: 1)).GetCallerIdentityAsync());

        Assert.Single(_proxy.Requests);
    }

    [Fact]
    public async Task GetCallerIdentity_CancelledDuringBackoff_ThrowsOperationCanceledWithoutFurtherAttempts()
    {
        var neverFiring = new BackoffRecordingTimeProvider(fireBackoffs: false);
        _proxy.Inject(Fault.Throttling, 1);
        using var cancellation = new CancellationTokenSource();

        var call = new StsClient(Context(time: neverFiring)).GetCallerIdentityAsync(cancellation.Token);
        Assert.True(await neverFiring.BackoffStarted.WaitAsync(TimeSpan.FromSeconds(30)), "the client never started backing off");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(_proxy.Requests);
    }
}
