using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Protocol;

public sealed class RetryPolicyTests
{
    [Fact]
    public void DelayBefore_MaximalJitter_DoublesEachRetryUpToTheCap()
    {
        var options = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(1000), Random = new FixedJitter(1.0) };

        var delays = Enumerable.Range(2, 6).Select(attempt => options.DelayBefore(attempt).TotalMilliseconds);

        Assert.Equal([100, 200, 400, 800, 1000, 1000], delays);
    }

    [Fact]
    public void DelayBefore_FullJitter_StaysBetweenZeroAndTheCeiling()
    {
        var options = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(50), Random = new Random(7) };

        for (var attempt = 2; attempt < 40; attempt++)
        {
            var ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, 50 * Math.Pow(2, attempt - 2));
            Assert.InRange(options.DelayBefore(attempt).TotalMilliseconds, 0, ceiling);
        }
    }

    [Fact]
    public void DelayBefore_ZeroJitter_RetriesAtOnce()
    {
        Assert.Equal(TimeSpan.Zero, new RetryOptions { Random = new FixedJitter(0) }.DelayBefore(5));
    }

    [Theory]
    [InlineData("Throttling", 400, true)]
    [InlineData("ThrottlingException", 400, true)]
    [InlineData("RequestLimitExceeded", 503, true)]
    [InlineData("SlowDown", 503, true)]
    [InlineData("InternalError", 500, true)]
    [InlineData("Whatever", 502, true)]
    [InlineData("Whatever", 504, true)]
    [InlineData("ValidationError", 400, false)]
    [InlineData("AccessDenied", 403, false)]
    [InlineData("InvalidClientTokenId", 403, false)]
    public void IsRetryable_CodeAndStatus_FollowsTheStandardRetryMode(string code, int status, bool retryable)
    {
        var error = new AwsServiceException("S", "Op", code, "m", status, null);

        Assert.Equal(retryable, RetryClassifier.IsRetryable(error));
    }

    [Fact]
    public void Validate_ZeroAttempts_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryOptions { MaxAttempts = 0 }.Validate());
    }
}
