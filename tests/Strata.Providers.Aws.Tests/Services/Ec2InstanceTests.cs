using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services;
using Strata.Providers.Aws.Services.Ec2;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Services;

[Collection(MotoCollection.Name)]
public sealed class Ec2InstanceTests(MotoServerFixture moto)
{
    private readonly Ec2Client _ec2 = new(moto.CreateContext());

    private async Task<string> AnyAmazonImageAsync() =>
        (await _ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] })).Images.First().ImageId;

    private async Task<List<string>> LaunchAsync(string stackTag, int reservations)
    {
        var image = await AnyAmazonImageAsync();
        var ids = new List<string>();
        for (var i = 0; i < reservations; i++)
        {
            var reservation = await _ec2.RunInstancesAsync(new RunInstancesRequest(image)
            {
                InstanceType = "t3.micro",
                UserData = "#!/bin/sh\necho hello",
                TagSpecifications = [new TagSpecification("instance", [new AwsTag("strata:stack", stackTag), new AwsTag("Name", $"web-{i}")])],
            });
            ids.AddRange(reservation.Instances.Select(x => x.InstanceId));
        }
        return ids;
    }

    private async Task<Dictionary<string, string>> CliStatesAsync(string stackTag)
    {
        var json = await moto.Cli.JsonAsync("ec2", "describe-instances", "--filters", $"Name=tag:strata:stack,Values={stackTag}");
        return json.RootElement.GetProperty("Reservations").EnumerateArray()
            .SelectMany(r => r.GetProperty("Instances").EnumerateArray())
            .ToDictionary(i => i.GetProperty("InstanceId").GetString()!, i => i.GetProperty("State").GetProperty("Name").GetString()!);
    }

    [Fact]
    public async Task RunInstances_WithTagSpecification_CreatesTaggedInstanceVisibleToTheAwsCli()
    {
        var stack = "ec2-run-" + Guid.NewGuid().ToString("N")[..8];

        var ids = await LaunchAsync(stack, 1);

        var instance = (await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ids })).Instances.Single();
        Assert.Equal(stack, instance.Tag("strata:stack"));
        Assert.Equal("web-0", instance.Tag("Name"));
        Assert.Equal("t3.micro", instance.InstanceType);
        Assert.Equal(InstanceState.Running, instance.State.Name);
        Assert.Equal(16, instance.State.Code);
        Assert.NotNull(instance.LaunchTime);
        Assert.StartsWith("us-east-1", instance.AvailabilityZone);
        Assert.Equal(ids.ToHashSet(), (await CliStatesAsync(stack)).Keys.ToHashSet());
    }

    [Fact]
    public async Task DescribeAllInstances_TagFilterOverSeveralPages_ReturnsEachMatchingInstanceOnce()
    {
        var stack = "ec2-page-" + Guid.NewGuid().ToString("N")[..8];
        var ids = await LaunchAsync(stack, 6);
        await LaunchAsync("ec2-other-" + Guid.NewGuid().ToString("N")[..8], 1);

        var pages = new List<DescribeInstancesResponse>();
        await foreach (var page in Paginator.PagesAsync((token, ct) => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest
                       {
                           Filters = [Ec2Filter.Tag("strata:stack", stack)], MaxResults = 5, NextToken = token,
                       }, ct), p => p.NextToken))
            pages.Add(page);
        var all = await _ec2.DescribeAllInstancesAsync([Ec2Filter.Tag("strata:stack", stack)], pageSize: 5).ToListAsync();

        Assert.Equal(2, pages.Count);
        Assert.Equal(ids.Order(), all.Select(i => i.InstanceId).Order());
        Assert.Equal(ids.ToHashSet(), (await CliStatesAsync(stack)).Keys.ToHashSet());
    }

    [Fact]
    public async Task StopAndStartInstances_TaggedEnvironment_ChangePowerStateAsTheAwsCliSees()
    {
        var stack = "ec2-power-" + Guid.NewGuid().ToString("N")[..8];
        var ids = await LaunchAsync(stack, 2);

        var stopping = await _ec2.StopInstancesAsync(new StopInstancesRequest(ids));
        var whileStopped = await CliStatesAsync(stack);
        var statuses = await _ec2.DescribeAllInstanceStatusAsync(new DescribeInstanceStatusRequest { InstanceIds = ids, IncludeAllInstances = true }).ToListAsync();
        var starting = await _ec2.StartInstancesAsync(ids);
        var afterStart = await CliStatesAsync(stack);

        Assert.Equal(ids.Order(), stopping.Select(c => c.InstanceId).Order());
        Assert.All(stopping, c => Assert.Equal(InstanceState.Running, c.PreviousState.Name));
        Assert.All(stopping, c => Assert.Contains(c.CurrentState.Name, new[] { InstanceState.Stopping, InstanceState.Stopped }));
        Assert.All(whileStopped.Values, state => Assert.Equal("stopped", state));
        Assert.Equal(ids.Order(), statuses.Select(s => s.InstanceId).Order());
        Assert.All(statuses, s => Assert.Equal(InstanceState.Stopped, s.InstanceState.Name));
        Assert.All(starting, c => Assert.Equal(InstanceState.Stopped, c.PreviousState.Name));
        Assert.All(afterStart.Values, state => Assert.Equal("running", state));
    }

    [Fact]
    public async Task DescribeInstanceStatus_RunningInstance_ReportsStatusChecks()
    {
        var ids = await LaunchAsync("ec2-status-" + Guid.NewGuid().ToString("N")[..8], 1);

        var status = (await _ec2.DescribeInstanceStatusAsync(new DescribeInstanceStatusRequest { InstanceIds = ids })).Statuses.Single();

        Assert.Equal(ids[0], status.InstanceId);
        Assert.Equal(InstanceState.Running, status.InstanceState.Name);
        Assert.Equal("ok", status.SystemStatus);
        Assert.Equal("ok", status.InstanceStatus);
        Assert.StartsWith("us-east-1", status.AvailabilityZone);
    }

    [Fact]
    public async Task TerminateInstances_LaunchedInstances_AreTerminatedForTheAwsCli()
    {
        var stack = "ec2-term-" + Guid.NewGuid().ToString("N")[..8];
        var ids = await LaunchAsync(stack, 1);

        var changes = await _ec2.TerminateInstancesAsync(ids);

        Assert.Equal(ids, changes.Select(c => c.InstanceId));
        Assert.All((await CliStatesAsync(stack)).Values, state => Assert.Equal("terminated", state));
    }

    [Fact]
    public async Task CreateTags_ExistingInstance_AddsTagsTheAwsCliSees()
    {
        var stack = "ec2-tags-" + Guid.NewGuid().ToString("N")[..8];
        var ids = await LaunchAsync(stack, 1);

        await _ec2.CreateTagsAsync(ids, [new AwsTag("strata:deployment", "dep-42")]);

        var cli = await moto.Cli.JsonAsync("ec2", "describe-tags", "--filters", $"Name=resource-id,Values={ids[0]}");
        var tags = cli.RootElement.GetProperty("Tags").EnumerateArray()
            .ToDictionary(t => t.GetProperty("Key").GetString()!, t => t.GetProperty("Value").GetString());
        Assert.Equal("dep-42", tags["strata:deployment"]);
        Assert.Equal(stack, tags["strata:stack"]);
    }

    [Fact]
    public async Task StopInstances_UnknownInstance_ThrowsTypedErrorWithEc2RequestId()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            _ec2.StopInstancesAsync(new StopInstancesRequest(["i-0123456789abcdef0"])));

        Assert.Equal("InvalidInstanceID.NotFound", error.Code);
        Assert.Equal("EC2", error.Service);
        Assert.Equal(400, error.HttpStatus);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Contains("i-0123456789abcdef0", error.ErrorMessage);
    }
}
