using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Settings;

namespace Strata.Providers.Sandbox.Tests;

public sealed class ThrottleTests
{
    [Fact]
    public async Task CreateAsync_OverGlobalRate_ThrottlingWithRetryAfterThenAdmitted()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1, Throttle = new ThrottleSettings { RequestsPerSecond = 2 } });

        var first = await test.Provider.CreateAsync(TestCloud.Request("AWS::S3::Bucket", "A"), CancellationToken.None);
        var second = await test.Provider.CreateAsync(TestCloud.Request("AWS::S3::Bucket", "B"), CancellationToken.None);
        var third = await test.Provider.CreateAsync(TestCloud.Request("AWS::S3::Bucket", "C"), CancellationToken.None);
        test.Time.Advance(third.RetryAfter!.Value);
        var retried = await test.Provider.CreateAsync(TestCloud.Request("AWS::S3::Bucket", "C"), CancellationToken.None);

        Assert.NotEqual(HandlerErrorCode.Throttling, first.ErrorCode);
        Assert.NotEqual(HandlerErrorCode.Throttling, second.ErrorCode);
        Assert.Equal(HandlerErrorCode.Throttling, third.ErrorCode);
        Assert.Contains("2 requests per second for the account", third.Message);
        Assert.InRange(third.RetryAfter!.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(0.5));
        Assert.NotEqual(HandlerErrorCode.Throttling, retried.ErrorCode);
    }

    [Fact]
    public async Task CreateAsync_PerTypeRate_OnlyThatTypeThrottled()
    {
        using var test = new TestCloud(new()
        {
            Seed = 1,
            Speed = 1,
            Throttle = new ThrottleSettings { Types = new Dictionary<string, double> { ["AWS::EC2::Instance"] = 1 } },
        });

        await test.Provider.CreateAsync(TestCloud.Request("AWS::EC2::Instance", "A", new() { ["ImageId"] = "ami-1" }), CancellationToken.None);
        var instance = await test.Provider.CreateAsync(TestCloud.Request("AWS::EC2::Instance", "B", new() { ["ImageId"] = "ami-1" }), CancellationToken.None);
        var bucket = await test.Provider.CreateAsync(TestCloud.Request("AWS::S3::Bucket", "C"), CancellationToken.None);

        Assert.Equal(HandlerErrorCode.Throttling, instance.ErrorCode);
        Assert.Contains("AWS::EC2::Instance", instance.Message);
        Assert.NotEqual(HandlerErrorCode.Throttling, bucket.ErrorCode);
    }

    [Fact]
    public async Task CreateAsync_RateAtHighSpeed_ScaledWithTheCloud()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1000, Throttle = new ThrottleSettings { RequestsPerSecond = 1 } });

        await test.Provider.CreateAsync(TestCloud.Request("AWS::S3::Bucket", "A"), CancellationToken.None);
        var throttled = await test.Provider.CreateAsync(TestCloud.Request("AWS::S3::Bucket", "B"), CancellationToken.None);
        test.Time.Advance(TimeSpan.FromMilliseconds(1));
        var admitted = await test.Provider.CreateAsync(TestCloud.Request("AWS::S3::Bucket", "B"), CancellationToken.None);

        Assert.Equal(HandlerErrorCode.Throttling, throttled.ErrorCode);
        Assert.Equal(TimeSpan.FromMilliseconds(1), throttled.RetryAfter);
        Assert.NotEqual(HandlerErrorCode.Throttling, admitted.ErrorCode);
    }
}
