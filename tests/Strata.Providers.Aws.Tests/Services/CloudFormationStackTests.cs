using System.Text.Json;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.CloudFormation;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Services;

[Collection(MotoCollection.Name)]
public sealed class CloudFormationStackTests(MotoServerFixture moto)
{
    private readonly CloudFormationClient _cfn = new(moto.CreateContext());

    [Fact]
    public async Task DescribeStacks_StackCreatedByAwsCli_ReadsStatusOutputsParametersAndTags()
    {
        using var temp = new TempDirectory();
        var templatePath = temp.Write("stack.json", CloudFormationTestStacks.Template);
        var stackName = "strata-cli-" + CloudFormationTestStacks.UniqueSuffix();
        var suffix = CloudFormationTestStacks.UniqueSuffix();
        await moto.Cli.JsonAsync("cloudformation", "create-stack", "--stack-name", stackName,
            "--template-body", "file://" + templatePath, "--parameters", $"ParameterKey=Suffix,ParameterValue={suffix}",
            "--tags", $"Key=strata:stack,Value={stackName}");

        var stack = (await _cfn.DescribeStacksAsync(stackName)).Stacks.Single();

        Assert.Equal(stackName, stack.StackName);
        Assert.Equal(StackStatuses.CreateComplete, stack.StackStatus);
        Assert.NotNull(stack.CreationTime);
        var bucketOutput = stack.Outputs.Single(o => o.OutputKey == "BucketName");
        Assert.Equal($"strata-cfn-{suffix}", bucketOutput.OutputValue);
        Assert.Equal("the bucket", bucketOutput.Description);
        Assert.Contains("strata-cfn-" + suffix, stack.Outputs.Single(o => o.OutputKey == "QueueUrl").OutputValue);
        Assert.Equal(suffix, stack.Parameters.Single(p => p.Key == "Suffix").Value);
        Assert.Equal("0", stack.Parameters.Single(p => p.Key == "QueueDelay").Value);
        Assert.Equal([new Strata.Providers.Aws.Services.AwsTag("strata:stack", stackName)], stack.Tags);
    }

    [Fact]
    public async Task DescribeStacks_UnknownStack_ThrowsTypedValidationErrorAndFindReturnsNull()
    {
        var name = "strata-missing-" + CloudFormationTestStacks.UniqueSuffix();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _cfn.DescribeStacksAsync(name));

        Assert.Equal("ValidationError", error.Code);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal("CloudFormation", error.Service);
        Assert.Equal("DescribeStacks", error.Operation);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Contains(name, error.ErrorMessage);
        Assert.Contains(name, error.Message);
        Assert.Null(await _cfn.FindStackAsync(name));
    }

    [Fact]
    public async Task DescribeAllStacks_MoreStacksThanOnePage_FollowsNextTokenWithoutDuplicates()
    {
        var prefix = "strata-page-" + CloudFormationTestStacks.UniqueSuffix() + "-";
        var names = Enumerable.Range(0, 51).Select(i => prefix + i).ToList();
        foreach (var name in names)
            await _cfn.CreateChangeSetAsync(new CreateChangeSetRequest(name, "plan")
            {
                ChangeSetType = ChangeSetTypes.Create,
                TemplateBody = CloudFormationTestStacks.Template,
                Parameters = [new StackParameter("Suffix", CloudFormationTestStacks.UniqueSuffix())],
            });

        var pages = new List<DescribeStacksResponse>();
        await foreach (var page in Paginator.PagesAsync((token, ct) => _cfn.DescribeStacksAsync(null, token, ct), p => p.NextToken))
            pages.Add(page);
        var all = await _cfn.DescribeAllStacksAsync().ToListAsync();

        Assert.True(pages.Count >= 2, $"expected several pages, got {pages.Count}");
        Assert.NotNull(pages[0].NextToken);
        Assert.Equal(all.Count, all.Select(s => s.StackId).Distinct().Count());
        Assert.Subset(all.Select(s => s.StackName).ToHashSet(), names.ToHashSet());
        Assert.Equal(pages.Sum(p => p.Stacks.Count), all.Count);
    }

    [Fact]
    public async Task DescribeStackEventsSince_DeployedStack_ReturnsEventsOldestFirstWithoutDuplicates()
    {
        var stackName = "strata-events-" + CloudFormationTestStacks.UniqueSuffix();
        await CloudFormationTestStacks.DeployAsync(_cfn, stackName, CloudFormationTestStacks.UniqueSuffix());

        // moto logs stack-level events only (resource events and pages are covered by the recorded AWS exchange).
        var events = await _cfn.DescribeStackEventsSinceAsync(stackName, lastSeenEventId: null);

        var cliIds = (await moto.Cli.JsonAsync("cloudformation", "describe-stack-events", "--stack-name", stackName))
            .RootElement.GetProperty("StackEvents").EnumerateArray().Select(e => e.GetProperty("EventId").GetString()!).ToList();
        Assert.Equal(cliIds.AsEnumerable().Reverse(), events.Select(e => e.EventId));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        Assert.True(events.Zip(events.Skip(1)).All(pair => pair.First.Timestamp <= pair.Second.Timestamp), "not oldest first");
        var last = events[^1];
        Assert.Equal(stackName, last.LogicalResourceId);
        Assert.Equal(StackStatuses.CreateComplete, last.ResourceStatus);
        Assert.Equal(StackStatuses.ReviewInProgress, events[0].ResourceStatus);

        Assert.Empty(await _cfn.DescribeStackEventsSinceAsync(stackName, last.EventId));
        Assert.Equal(events.Skip(2).Select(e => e.EventId),
            (await _cfn.DescribeStackEventsSinceAsync(stackName, events[1].EventId)).Select(e => e.EventId));
    }

    [Fact]
    public async Task DescribeAndListStackResources_DeployedStack_MatchWhatTheAwsCliSees()
    {
        var stackName = "strata-res-" + CloudFormationTestStacks.UniqueSuffix();
        var suffix = CloudFormationTestStacks.UniqueSuffix();
        await CloudFormationTestStacks.DeployAsync(_cfn, stackName, suffix);

        var described = await _cfn.DescribeStackResourcesAsync(stackName);
        var listed = await _cfn.ListAllStackResourcesAsync(stackName).ToListAsync();
        var bucketOnly = await _cfn.DescribeStackResourcesAsync(stackName, "Bucket");

        var cli = (await moto.Cli.JsonAsync("cloudformation", "describe-stack-resources", "--stack-name", stackName))
            .RootElement.GetProperty("StackResources").EnumerateArray()
            .ToDictionary(r => r.GetProperty("LogicalResourceId").GetString()!, r => r.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal(cli, described.ToDictionary(r => r.LogicalResourceId, r => r.PhysicalResourceId));
        Assert.Equal(cli, listed.ToDictionary(r => r.LogicalResourceId, r => r.PhysicalResourceId));
        Assert.Equal($"strata-cfn-{suffix}", described.Single(r => r.LogicalResourceId == "Bucket").PhysicalResourceId);
        Assert.All(described, r => Assert.Equal(stackName, r.StackName));
        Assert.Equal("AWS::S3::Bucket", Assert.Single(bucketOnly).ResourceType);
    }

    [Fact]
    public async Task GetTemplate_DeployedStack_ReturnsTheTemplateItWasBuiltFrom()
    {
        var stackName = "strata-tpl-" + CloudFormationTestStacks.UniqueSuffix();
        await CloudFormationTestStacks.DeployAsync(_cfn, stackName, CloudFormationTestStacks.UniqueSuffix());

        var template = await _cfn.GetTemplateAsync(new GetTemplateRequest { StackName = stackName });

        using var parsed = JsonDocument.Parse(template.TemplateBody);
        Assert.Equal(["Bucket", "Queue"], parsed.RootElement.GetProperty("Resources").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task ValidateTemplate_ValidTemplate_ReturnsDescription()
    {
        // moto reports no parameters here; their parsing is covered by the recorded AWS exchange.
        var result = await _cfn.ValidateTemplateAsync(ValidateTemplateRequest.FromBody(CloudFormationTestStacks.Template));

        Assert.Equal("Strata CloudFormation client test", result.Description);
    }

    [Fact]
    public async Task ValidateTemplate_TemplateWithoutResources_ThrowsValidationError()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            _cfn.ValidateTemplateAsync(ValidateTemplateRequest.FromBody("""{"AWSTemplateFormatVersion":"2010-09-09","Outputs":{}}""")));

        Assert.Equal("ValidationError", error.Code);
        Assert.Equal("ValidateTemplate", error.Operation);
    }

    [Fact]
    public async Task DeleteStack_DeployedStack_DeletesStackAndItsBucket()
    {
        var stackName = "strata-del-" + CloudFormationTestStacks.UniqueSuffix();
        var suffix = CloudFormationTestStacks.UniqueSuffix();
        var stack = await CloudFormationTestStacks.DeployAsync(_cfn, stackName, suffix);

        await _cfn.DeleteStackAsync(new DeleteStackRequest(stackName));

        var deleted = (await moto.Cli.JsonAsync("cloudformation", "list-stacks", "--stack-status-filter", "DELETE_COMPLETE"))
            .RootElement.GetProperty("StackSummaries").EnumerateArray().Select(s => s.GetProperty("StackId").GetString());
        Assert.Contains(stack.StackId, deleted);
        var (exitCode, _, _) = await moto.Cli.RunAsync("s3api", "head-bucket", "--bucket", $"strata-cfn-{suffix}");
        Assert.NotEqual(0, exitCode);
    }
}
