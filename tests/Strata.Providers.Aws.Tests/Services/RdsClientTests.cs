using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.Rds;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Services;

/// <summary>RDS power control against moto: instances set up with the AWS CLI, started and stopped by Strata, checked with the CLI.</summary>
[Collection(MotoCollection.Name)]
public sealed class RdsClientTests(MotoServerFixture moto)
{
    private readonly RdsClient _rds = new(moto.CreateContext());

    private async Task<string> CreateInstanceWithCliAsync(string stack)
    {
        var id = "strata-db-" + Guid.NewGuid().ToString("N")[..8];
        await moto.Cli.JsonAsync("rds", "create-db-instance", "--db-instance-identifier", id, "--db-instance-class", "db.t3.micro",
            "--engine", "postgres", "--master-username", "strata", "--master-user-password", "not-a-real-password-1",
            "--allocated-storage", "20", "--tags", $"Key=strata:stack,Value={stack}");
        return id;
    }

    private async Task<string> CliStatusAsync(string id) =>
        (await moto.Cli.JsonAsync("rds", "describe-db-instances", "--db-instance-identifier", id))
        .RootElement.GetProperty("DBInstances")[0].GetProperty("DBInstanceStatus").GetString()!;

    [Fact]
    public async Task StopThenStart_AvailableInstance_StatusSeenByTheAwsCliFollows()
    {
        var id = await CreateInstanceWithCliAsync("rds-power");

        var stopped = await _rds.StopDbInstanceAsync(new StopDbInstanceRequest(id));
        var cliAfterStop = await CliStatusAsync(id);
        var started = await _rds.StartDbInstanceAsync(id);
        var cliAfterStart = await CliStatusAsync(id);

        Assert.Equal(id, stopped.DbInstanceIdentifier);
        Assert.Equal(DbInstanceStatus.Stopped, stopped.Status);
        Assert.Equal(DbInstanceStatus.Stopped, cliAfterStop);
        Assert.Equal(DbInstanceStatus.Available, started.Status);
        Assert.Equal(DbInstanceStatus.Available, cliAfterStart);
    }

    [Fact]
    public async Task DescribeDbInstances_ByIdentifier_ReadsEndpointEngineAndTags()
    {
        var stack = "rds-describe-" + Guid.NewGuid().ToString("N")[..6];
        var id = await CreateInstanceWithCliAsync(stack);

        var instance = Assert.Single((await _rds.DescribeDbInstancesAsync(new DescribeDbInstancesRequest { DbInstanceIdentifier = id })).DbInstances);

        var cli = (await moto.Cli.JsonAsync("rds", "describe-db-instances", "--db-instance-identifier", id)).RootElement.GetProperty("DBInstances")[0];
        Assert.Equal(cli.GetProperty("DBInstanceArn").GetString(), instance.DbInstanceArn);
        Assert.Equal(cli.GetProperty("Endpoint").GetProperty("Address").GetString(), instance.EndpointAddress);
        Assert.Equal(cli.GetProperty("Endpoint").GetProperty("Port").GetInt32(), instance.EndpointPort);
        Assert.Equal("postgres", instance.Engine);
        Assert.Equal("db.t3.micro", instance.DbInstanceClass);
        Assert.Equal(20, instance.AllocatedStorage);
        Assert.Equal(stack, instance.Tag("strata:stack"));
        Assert.NotNull(instance.InstanceCreateTime);
    }

    [Fact]
    public async Task DescribeAllDbInstances_PageSizeOne_FollowsMarkerAndReturnsEachInstanceOnce()
    {
        var ids = new[] { await CreateInstanceWithCliAsync("rds-pages"), await CreateInstanceWithCliAsync("rds-pages") };

        var all = new List<DbInstance>();
        await foreach (var instance in _rds.DescribeAllDbInstancesAsync(pageSize: 1)) all.Add(instance);

        var expected = (await moto.Cli.JsonAsync("rds", "describe-db-instances")).RootElement.GetProperty("DBInstances").EnumerateArray()
            .Select(i => i.GetProperty("DBInstanceIdentifier").GetString()!).ToHashSet();
        Assert.Equal(all.Count, all.Select(i => i.DbInstanceIdentifier).Distinct().Count());
        Assert.Equal(expected, all.Select(i => i.DbInstanceIdentifier).ToHashSet());
        Assert.Subset(all.Select(i => i.DbInstanceIdentifier).ToHashSet(), ids.ToHashSet());
    }

    [Fact]
    public async Task DescribeDbInstances_InstanceIdFilter_SendsRdsListNamingAndReturnsOnlyThatInstance()
    {
        var id = await CreateInstanceWithCliAsync("rds-filter");
        await CreateInstanceWithCliAsync("rds-filter");

        var response = await _rds.DescribeDbInstancesAsync(new DescribeDbInstancesRequest { Filters = [RdsFilter.Create("db-instance-id", id)] });

        Assert.Equal(id, Assert.Single(response.DbInstances).DbInstanceIdentifier);
    }

    [Fact]
    public async Task StopDbInstance_UnknownInstance_ThrowsDbInstanceNotFound()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _rds.StopDbInstanceAsync(new StopDbInstanceRequest("strata-no-such-db")));

        Assert.Equal("DBInstanceNotFound", error.Code);
        Assert.Equal("RDS", error.Service);
        Assert.Contains("strata-no-such-db", error.ErrorMessage);
    }
}
