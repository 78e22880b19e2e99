using System.Text.Json.Nodes;
using Strata.Providers.Sandbox.Cost;

namespace Strata.Providers.Sandbox.Tests;

public sealed class CostTests : IDisposable
{
    private readonly TestCloud _test = new(new() { Seed = 31, Speed = 1_000_000 });

    public void Dispose() => _test.Dispose();

    private DateTimeOffset Now => _test.Time.GetUtcNow();

    private static double Compute(CostReport report) => report.Lines.Where(l => l.Component == "compute").Sum(l => l.Usd);

    [Fact]
    public async Task CostForStackAsync_RunningInstanceForTenHours_AccruesListPrice()
    {
        var start = Now;
        await _test.CreateOkAsync("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1", ["InstanceType"] = "t3.micro" });
        _test.Time.Advance(TimeSpan.FromHours(10));

        var report = await _test.Cloud.CostForStackAsync(TestCloud.Stack, start, Now);

        // t3.micro is $0.0104/h in us-east-1.
        Assert.Equal(0.104, Compute(report), 4);
        Assert.Contains(report.Lines, l => l.Component == "storage" && l.Usd > 0);
        Assert.Contains(report.Lines, l => l.Component == "public-ipv4" && Math.Abs(l.Usd - 0.05) < 1e-4);
        Assert.True(report.HourlyRateNow > 0.0104);
    }

    [Fact]
    public async Task CostForStackAsync_StoppedInstance_NoComputeButStorage()
    {
        var start = Now;
        var vm = await _test.CreateOkAsync("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1", ["InstanceType"] = "m5.large" });
        _test.Time.Advance(TimeSpan.FromHours(2));
        await _test.Cloud.StopAsync(vm.PhysicalId!);
        var stoppedAt = Now;
        _test.Time.Advance(TimeSpan.FromHours(5));

        var whileStopped = await _test.Cloud.CostForStackAsync(TestCloud.Stack, stoppedAt, Now);
        var total = await _test.Cloud.CostForStackAsync(TestCloud.Stack, start, Now);

        Assert.Equal(0, Compute(whileStopped), 6);
        Assert.True(whileStopped.TotalUsd > 0, "EBS storage accrues while stopped");
        // m5.large is $0.096/h: two running hours.
        Assert.Equal(0.192, Compute(total), 4);
    }

    [Fact]
    public async Task CostForStackAsync_RestartedInstance_AccruesAgainOnceRunning()
    {
        var vm = await _test.CreateOkAsync("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1", ["InstanceType"] = "m5.large" });
        await _test.Cloud.StopAsync(vm.PhysicalId!);
        _test.Time.Advance(TimeSpan.FromHours(1));
        await _test.Cloud.StartAsync(vm.PhysicalId!);
        var restartedAt = Now;
        _test.Time.Advance(TimeSpan.FromHours(3));

        var report = await _test.Cloud.CostForStackAsync(TestCloud.Stack, restartedAt, Now);

        Assert.Equal(0.288, Compute(report), 3);
    }

    [Fact]
    public async Task CostForStackAsync_OtherStacks_NotCounted()
    {
        var start = Now;
        await _test.CreateOkAsync("AWS::EC2::NatGateway", "Nat", new() { ["SubnetId"] = "subnet-0123456789abcdef0" });
        await _test.CreateOkAsync("AWS::EC2::NatGateway", "Nat", new() { ["SubnetId"] = "subnet-0123456789abcdef0" }, stack: "other");
        _test.Time.Advance(TimeSpan.FromHours(1));

        var report = await _test.Cloud.CostForStackAsync(TestCloud.Stack, start, Now);

        Assert.Single(report.Lines);
        Assert.Equal(0.045, report.TotalUsd, 5);
    }

    [Fact]
    public async Task CostForStackAsync_DeletedResource_StopsAccruing()
    {
        var start = Now;
        var nat = await _test.CreateOkAsync("AWS::EC2::NatGateway", "Nat", new() { ["SubnetId"] = "subnet-0123456789abcdef0" });
        _test.Time.Advance(TimeSpan.FromHours(2));
        await _test.DeleteAsync("AWS::EC2::NatGateway", "Nat", nat.PhysicalId!);
        _test.Time.Advance(TimeSpan.FromHours(10));

        var report = await _test.Cloud.CostForStackAsync(TestCloud.Stack, start, Now);

        Assert.Equal(0.09, report.TotalUsd, 4);
        Assert.Equal(0, report.HourlyRateNow);
    }

    [Fact]
    public async Task CostForStackAsync_UpdatedInstanceType_NewRateFromUpdate()
    {
        var vm = await _test.CreateOkAsync("AWS::EC2::Instance", "Vm", new() { ["ImageId"] = "ami-1", ["InstanceType"] = "t3.micro" });
        _test.Time.Advance(TimeSpan.FromHours(1));
        await _test.UpdateAsync("AWS::EC2::Instance", "Vm", vm.PhysicalId!, new() { ["ImageId"] = "ami-1", ["InstanceType"] = "m5.large" });
        var updatedAt = Now;
        _test.Time.Advance(TimeSpan.FromHours(1));

        var report = await _test.Cloud.CostForStackAsync(TestCloud.Stack, updatedAt, Now);

        Assert.Equal(0.096, Compute(report), 4);
    }

    [Fact]
    public void EstimateHourlyCost_InstanceTypes_ListPrices()
    {
        var micro = SandboxCloud.EstimateHourlyCost("AWS::EC2::Instance", new() { ["InstanceType"] = "t3.micro" });
        var large = SandboxCloud.EstimateHourlyCost("AWS::EC2::Instance", new() { ["InstanceType"] = "r5.large" });

        Assert.Equal(0.0104, micro.Components.Single(c => c.Name == "compute").HourlyUsd);
        Assert.Equal(0.126, large.Components.Single(c => c.Name == "compute").HourlyUsd);
        Assert.True(micro.Priced);
    }

    [Fact]
    public void EstimateHourlyCost_EbsMappings_PricedBySizeAndType()
    {
        var estimate = SandboxCloud.EstimateHourlyCost("AWS::EC2::Instance", new()
        {
            ["InstanceType"] = "t3.micro",
            ["BlockDeviceMappings"] = new JsonArray(new JsonObject { ["DeviceName"] = "/dev/xvda", ["Ebs"] = new JsonObject { ["VolumeSize"] = 100, ["VolumeType"] = "gp3" } }),
        });

        // 100 GiB gp3 at $0.08/GiB-month.
        Assert.Equal(8.0 / 730, estimate.Components.Single(c => c.Name == "storage").HourlyUsd, 8);
    }

    [Fact]
    public void EstimateHourlyCost_MultiAzDatabase_TwiceSingleAz()
    {
        var single = SandboxCloud.EstimateHourlyCost("AWS::RDS::DBInstance", new() { ["DBInstanceClass"] = "db.m5.large", ["Engine"] = "mysql" });
        var multi = SandboxCloud.EstimateHourlyCost("AWS::RDS::DBInstance", new() { ["DBInstanceClass"] = "db.m5.large", ["Engine"] = "mysql", ["MultiAZ"] = true });

        Assert.Equal(0.171, single.Components.Single(c => c.Name == "compute").HourlyUsd, 6);
        Assert.Equal(2 * single.HourlyUsd, multi.HourlyUsd, 6);
    }

    [Theory]
    [InlineData("AWS::EC2::NatGateway", "{}", 0.045)]
    [InlineData("AWS::EC2::EIP", "{}", 0.005)]
    [InlineData("AWS::ElasticLoadBalancingV2::LoadBalancer", "{}", 0.0225)]
    [InlineData("AWS::ElasticLoadBalancingV2::LoadBalancer", """{"Type":"network"}""", 0.0225)]
    [InlineData("AWS::ElasticLoadBalancing::LoadBalancer", "{}", 0.025)]
    [InlineData("AWS::EC2::Volume", """{"Size":730,"VolumeType":"gp3"}""", 0.08)]
    [InlineData("AWS::S3::Bucket", "{}", 0)]
    public void EstimateHourlyCost_CommonTypes_ListPrices(string type, string properties, double expected)
    {
        var estimate = SandboxCloud.EstimateHourlyCost(type, (JsonObject)JsonNode.Parse(properties)!);

        Assert.True(estimate.Priced);
        Assert.Equal(expected, estimate.HourlyUsd, 6);
    }

    [Fact]
    public void EstimateHourlyCost_UnknownInstanceType_EstimatedFromSize()
    {
        var estimate = SandboxCloud.EstimateHourlyCost("AWS::EC2::Instance", new() { ["InstanceType"] = "x9z.4xlarge" });

        Assert.True(estimate.Components.Single(c => c.Name == "compute").HourlyUsd > 0.5);
        Assert.Contains("estimated", estimate.Components.Single(c => c.Name == "compute").Basis);
    }

    [Fact]
    public void EstimateHourlyCost_TypeWithoutPrice_ReportedUnpriced()
    {
        var estimate = SandboxCloud.EstimateHourlyCost("AWS::Bedrock::Agent", []);

        Assert.False(estimate.Priced);
        Assert.Equal(0, estimate.HourlyUsd);
    }
}
