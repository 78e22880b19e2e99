using Strata.Providers.Aws.Services.CloudFormation;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Services;

[Collection(MotoCollection.Name)]
public sealed class CloudFormationChangeSetTests(MotoServerFixture moto)
{
    private readonly CloudFormationClient _cfn = new(moto.CreateContext());

    [Fact]
    public async Task CreateChangeSet_NewStack_DescribesAddedResourcesBeforeExecution()
    {
        var stackName = "strata-cs-" + CloudFormationTestStacks.UniqueSuffix();

        var created = await _cfn.CreateChangeSetAsync(new CreateChangeSetRequest(stackName, "plan")
        {
            ChangeSetType = ChangeSetTypes.Create,
            TemplateBody = CloudFormationTestStacks.Template,
            Parameters = [new StackParameter("Suffix", CloudFormationTestStacks.UniqueSuffix())],
            Capabilities = [Capabilities.Iam],
            Tags = [new("strata:stack", stackName)],
            Description = "first plan",
        });
        var changeSet = await _cfn.DescribeChangeSetAllChangesAsync("plan", stackName);

        Assert.StartsWith("arn:aws:cloudformation:us-east-1:", created.ChangeSetId);
        Assert.Contains(stackName, created.StackId);
        Assert.Equal(created.ChangeSetId, changeSet.ChangeSetId);
        Assert.Equal("plan", changeSet.ChangeSetName);
        Assert.Equal(stackName, changeSet.StackName);
        Assert.Equal("first plan", changeSet.Description);
        Assert.Equal(["Bucket", "Queue"], changeSet.Changes.Select(c => c.LogicalResourceId).Order());
        Assert.All(changeSet.Changes, c => Assert.Equal("Add", c.Action));
        Assert.Contains(changeSet.Changes, c => c.ResourceType == "AWS::S3::Bucket");
        Assert.Contains(changeSet.Parameters, p => p.Key == "Suffix");

        // The stack exists only as a placeholder until the change set runs.
        var cli = await moto.Cli.JsonAsync("cloudformation", "describe-change-set", "--change-set-name", created.ChangeSetId);
        Assert.Equal(changeSet.Status, cli.RootElement.GetProperty("Status").GetString());
    }

    [Fact]
    public async Task ExecuteChangeSet_CreateChangeSet_BuildsStackVisibleToTheAwsCli()
    {
        var stackName = "strata-exec-" + CloudFormationTestStacks.UniqueSuffix();
        var suffix = CloudFormationTestStacks.UniqueSuffix();

        var stack = await CloudFormationTestStacks.DeployAsync(_cfn, stackName, suffix);

        Assert.Equal(StackStatuses.CreateComplete, stack.StackStatus);
        Assert.Equal(suffix, stack.Parameters.Single(p => p.Key == "Suffix").Value);
        Assert.Contains(new Strata.Providers.Aws.Services.AwsTag("strata:stack", stackName), stack.Tags);

        var described = (await moto.Cli.JsonAsync("cloudformation", "describe-stacks", "--stack-name", stackName))
            .RootElement.GetProperty("Stacks")[0];
        Assert.Equal(stack.StackId, described.GetProperty("StackId").GetString());
        Assert.Equal("CREATE_COMPLETE", described.GetProperty("StackStatus").GetString());
        var (exitCode, _, stderr) = await moto.Cli.RunAsync("s3api", "head-bucket", "--bucket", $"strata-cfn-{suffix}");
        Assert.True(exitCode == 0, stderr);
    }

    [Fact]
    public async Task CreateChangeSet_UpdateWithChangedParameter_PlansModifyAndExecutesToUpdateComplete()
    {
        var stackName = "strata-upd-" + CloudFormationTestStacks.UniqueSuffix();
        var suffix = CloudFormationTestStacks.UniqueSuffix();
        await CloudFormationTestStacks.DeployAsync(_cfn, stackName, suffix);

        await _cfn.CreateChangeSetAsync(new CreateChangeSetRequest(stackName, "update-1")
        {
            ChangeSetType = ChangeSetTypes.Update,
            TemplateBody = CloudFormationTestStacks.TemplateWithQueueDelay(5),
            Parameters = [new StackParameter("Suffix") { UsePreviousValue = true }],
        });
        var plan = await _cfn.DescribeChangeSetAllChangesAsync("update-1", stackName);
        await _cfn.ExecuteChangeSetAsync(new ExecuteChangeSetRequest("update-1") { StackName = stackName });
        var stack = await CloudFormationTestStacks.WaitForSettledAsync(_cfn, stackName);

        Assert.Contains(plan.Changes, c => c.LogicalResourceId == "Queue" && c.Action == "Modify");
        Assert.Equal(StackStatuses.UpdateComplete, stack.StackStatus);
        Assert.DoesNotContain(plan.Changes, c => c.LogicalResourceId == "Bucket");
        var template = await _cfn.GetTemplateAsync(new GetTemplateRequest { StackName = stackName });
        Assert.Contains("\"DelaySeconds\": 5", template.TemplateBody);
    }

    [Fact]
    public async Task DeleteChangeSet_PendingPlan_IsGoneForTheAwsCli()
    {
        var stackName = "strata-delcs-" + CloudFormationTestStacks.UniqueSuffix();
        await CloudFormationTestStacks.DeployAsync(_cfn, stackName, CloudFormationTestStacks.UniqueSuffix());
        await _cfn.CreateChangeSetAsync(new CreateChangeSetRequest(stackName, "discard-me")
        {
            ChangeSetType = ChangeSetTypes.Update,
            TemplateBody = CloudFormationTestStacks.TemplateWithQueueDelay(9),
            Parameters = [new StackParameter("Suffix") { UsePreviousValue = true }],
        });
        var before = (await moto.Cli.JsonAsync("cloudformation", "list-change-sets", "--stack-name", stackName))
            .RootElement.GetProperty("Summaries").EnumerateArray().Select(s => s.GetProperty("ChangeSetName").GetString());
        Assert.Contains("discard-me", before);

        await _cfn.DeleteChangeSetAsync(new DeleteChangeSetRequest("discard-me") { StackName = stackName });

        var summaries = (await moto.Cli.JsonAsync("cloudformation", "list-change-sets", "--stack-name", stackName))
            .RootElement.GetProperty("Summaries").EnumerateArray().Select(s => s.GetProperty("ChangeSetName").GetString());
        Assert.DoesNotContain("discard-me", summaries);
    }
}
