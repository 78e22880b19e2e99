using Strata.Engine.Providers;

namespace Strata.Providers.Sandbox.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task CreateAsync_S3BucketAtHighSpeed_SucceedsWithName()
    {
        using var test = new TestCloud(new() { Seed = 1, Speed = 1_000_000 });
        var result = await test.Provider.CreateAsync(TestCloud.Request("AWS::S3::Bucket", "Logs"), CancellationToken.None);
        Assert.Equal(OperationStatus.Success, result.Status);
        Assert.StartsWith("teststack-logs-", result.PhysicalId);
    }
}
