using Strata.Engine.Providers;

namespace Strata.Providers.Sandbox.Tests;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly TestCloud _test = new(new() { Seed = 71, Speed = 1_000_000 });

    public void Dispose() => _test.Dispose();

    private async Task<string> SubnetAsync()
    {
        var vpc = await _test.CreateOkAsync("AWS::EC2::VPC", "Vpc", new() { ["CidrBlock"] = "10.0.0.0/16" });
        var subnet = await _test.CreateOkAsync("AWS::EC2::Subnet", "Subnet", new() { ["VpcId"] = vpc.PhysicalId, ["CidrBlock"] = "10.0.1.0/24" });
        return subnet.PhysicalId!;
    }

    [Fact]
    public async Task CreateAsync_ManyInstancesInParallel_DistinctIdsAndAddresses()
    {
        var subnet = await SubnetAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() =>
            _test.Provider.CreateAsync(TestCloud.Request("AWS::EC2::Instance", $"Vm{i}", new() { ["SubnetId"] = subnet, ["ImageId"] = "ami-1" }), CancellationToken.None))));
        var finished = await Task.WhenAll(results.Select(r => _test.FinishAsync(r)));

        Assert.All(finished, r => Assert.Equal(OperationStatus.Success, r.Status));
        Assert.Equal(60, finished.Select(r => r.PhysicalId).Distinct().Count());
        Assert.Equal(60, finished.Select(r => r.ResourceModel!["PrivateIp"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task CreateAsync_ParallelFromTwoClouds_DistinctAddresses()
    {
        var subnet = await SubnetAsync();
        using var other = _test.Reopen();

        var tasks = Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            (i % 2 == 0 ? _test.Provider : other.Provider).CreateAsync(
                TestCloud.Request("AWS::EC2::Instance", $"Vm{i}", new() { ["SubnetId"] = subnet, ["ImageId"] = "ami-1" }), CancellationToken.None)));
        var results = await Task.WhenAll(tasks);
        var finished = await Task.WhenAll(results.Select(r => _test.FinishAsync(r)));

        Assert.All(finished, r => Assert.Equal(OperationStatus.Success, r.Status));
        Assert.Equal(40, finished.Select(r => r.ResourceModel!["PrivateIp"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task CreateAsync_SameClientTokenInParallel_ExactlyOneResource()
    {
        var request = TestCloud.Request("AWS::SQS::Queue", "Queue");
        using var other = _test.Reopen();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? _test.Provider : other.Provider).CreateAsync(request, CancellationToken.None))));

        Assert.Single(results.Select(r => r.PhysicalId).Distinct());
        Assert.Single((await _test.Provider.ListAsync("AWS::SQS::Queue", null, CancellationToken.None)).PhysicalIds);
    }

    [Fact]
    public async Task CreateAsync_ParallelCreatesAgainstQuota_NeverExceedsIt()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            _test.Provider.CreateAsync(TestCloud.Request("AWS::EC2::VPC", $"Vpc{i}", new() { ["CidrBlock"] = $"10.{i}.0.0/16" }), CancellationToken.None))));

        Assert.Equal(5, results.Count(r => r.Status == OperationStatus.Success));
        Assert.Equal(7, results.Count(r => r.ErrorCode == HandlerErrorCode.ServiceLimitExceeded));
    }
}
