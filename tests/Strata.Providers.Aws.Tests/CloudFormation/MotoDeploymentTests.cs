using System.Text.Json;
using Strata.Engine.Planning;
using Strata.Providers.Aws.CloudFormation;
using Strata.Providers.Aws.Tests.Infrastructure;
using Strata.Providers.Aws.Tests.Services;

namespace Strata.Providers.Aws.Tests.CloudFormation;

/// <summary>
/// <c>--provider cloudformation</c> end to end against moto_server over HTTP; what was built is checked with the aws CLI.
/// moto runs a change set to completion within ExecuteChangeSet, so these tests see no hangs or rollbacks (those are
/// in <see cref="HangAndTimeoutTests"/> and <see cref="FailureAndRecoveryTests"/>).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoDeploymentTests(MotoServerFixture moto) : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private static string WebServerTemplatePath => Path.Combine(RepositoryPaths.Root, "examples", "web-server.yaml");

    private CloudFormationDeployer Deployer(Action<Dictionary<string, string>>? environment = null) =>
        new(moto.CreateContext(environment), new CloudFormationDeployerOptions
        {
            DataDirectory = _data.Path,
            PollInterval = TimeSpan.FromMilliseconds(100),
            MaxPollInterval = TimeSpan.FromSeconds(1),
        });

    private static string Name(string prefix) => $"{prefix}-{CloudFormationTestStacks.UniqueSuffix()}";

    private static CloudFormationUpRequest WebServer(string stackName) => new()
    {
        StackName = stackName,
        TemplateBody = File.ReadAllText(WebServerTemplatePath),
        TemplatePath = WebServerTemplatePath,
        Tags = new Dictionary<string, string> { ["strata:tenant"] = "acme" },
    };

    private async Task<JsonElement> DescribeStackWithCliAsync(string stackName) =>
        (await moto.Cli.JsonAsync("cloudformation", "describe-stacks", "--stack-name", stackName)).RootElement.GetProperty("Stacks")[0];

    [Fact]
    public async Task UpAsync_WebServerExample_CreateCompleteWithInstanceVisibleToAwsCliAndStackTagged()
    {
        var name = Name("cfn-web");
        var deployer = Deployer();
        var observer = new RecordingObserver();

        var result = await deployer.UpAsync(WebServer(name) with { TimeToLive = TimeSpan.FromDays(7) }, observer);

        Assert.True(result.Succeeded, string.Join("; ", result.Messages));
        Assert.Equal(DeploymentOutcome.Succeeded, result.Outcome);
        Assert.Equal("CREATE_COMPLETE", result.Status);
        Assert.Null(result.RootCause);
        var plan = Assert.Single(observer.Plans);
        Assert.True(plan.IsCreate);
        Assert.Equal(["PublicSubnet", "Vpc", "WebSecurityGroup", "WebServer"], plan.Changes.Select(c => c.LogicalId).Order());
        Assert.All(plan.Changes, c => Assert.Equal(ChangeAction.Add, c.Action));
        Assert.Equal("CREATE_COMPLETE", result.Events[^1].Status);
        Assert.Equal(name, result.Events[^1].LogicalId);

        var resources = await deployer.GetResourcesAsync(name);
        var instanceId = resources!.Single(r => r.LogicalId == "WebServer").PhysicalId!;
        var instances = (await moto.Cli.JsonAsync("ec2", "describe-instances", "--instance-ids", instanceId)).RootElement;
        var instance = instances.GetProperty("Reservations")[0].GetProperty("Instances")[0];
        Assert.Equal("running", instance.GetProperty("State").GetProperty("Name").GetString());
        Assert.Equal("t3.micro", instance.GetProperty("InstanceType").GetString());

        // strata:stack (and the extra tags) on the stack; CloudFormation propagates stack tags to the resources it creates.
        var stack = await DescribeStackWithCliAsync(name);
        var tags = stack.GetProperty("Tags").EnumerateArray().ToDictionary(t => t.GetProperty("Key").GetString()!, t => t.GetProperty("Value").GetString());
        Assert.Equal(name, tags["strata:stack"]);
        Assert.Equal("acme", tags["strata:tenant"]);

        var record = await deployer.Records.GetAsync(name, CancellationToken.None);
        Assert.Equal(stack.GetProperty("StackId").GetString(), record?.StackId);
        Assert.Equal("CREATE_COMPLETE", record?.Status);
        Assert.Equal(TimeSpan.FromDays(7), record?.TimeToLive);
        Assert.Equal(result.Events[^1].EventId, record?.LastEventId);
        Assert.True(CloudFormationRecordStore.Tracks(_data.Path, name));
    }

    [Fact]
    public async Task UpAsync_ChangeSetStack_OutputsAreWhatCloudFormationReportsToTheAwsCli()
    {
        var name = Name("cfn-out");
        var deployer = Deployer();

        var result = await deployer.UpAsync(WebServer(name));
        var view = await deployer.DescribeAsync(name);

        // moto 5 computes no outputs for stacks made by change sets; Strata shows exactly what the service reports.
        var reported = (await DescribeStackWithCliAsync(name)).TryGetProperty("Outputs", out var outputs)
            ? outputs.EnumerateArray().ToDictionary(o => o.GetProperty("OutputKey").GetString()!, o => o.GetProperty("OutputValue").GetString()!)
            : [];
        Assert.Equal(reported, result.OutputValues);
        Assert.Equal(reported, view!.Outputs.ToDictionary(o => o.Key, o => o.Value));
    }

    [Fact]
    public async Task DescribeAsync_StackWhereMotoComputesOutputs_ReturnsThemInTheCliContractShape()
    {
        // moto computes outputs for stacks made by CreateStack: made here by the aws CLI, read by Strata.
        var name = Name("cfn-cli");
        await moto.Cli.JsonAsync("cloudformation", "create-stack", "--stack-name", name, "--template-body", "file://" + WebServerTemplatePath);
        var deployer = Deployer();

        var view = await deployer.DescribeAsync(name);
        var resources = await deployer.GetResourcesAsync(name);

        Assert.NotNull(view);
        Assert.Equal("CREATE_COMPLETE", view.Status);
        Assert.False(view.IsFailed);
        var outputs = view.Outputs.ToDictionary(o => o.Key, o => o.Value);
        Assert.Equal(resources!.Single(r => r.LogicalId == "WebServer").PhysicalId, outputs["InstanceId"]);
        Assert.Equal(resources!.Single(r => r.LogicalId == "Vpc").PhysicalId, outputs["VpcId"]);
        Assert.StartsWith("10.0.1.", outputs["PrivateIp"]);
        Assert.Equal($"{name}-SubnetId", view.Outputs.Single(o => o.Key == "SubnetId").ExportName);
        var json = CloudFormationJson.Outputs(view);
        Assert.Equal(name, (string?)json["stack"]);
        Assert.Equal(outputs["InstanceId"], (string?)json["outputs"]!["InstanceId"]);
    }

    [Fact]
    public async Task DownAsync_DeployedStack_GoneForAwsCliInstanceTerminatedAndRecordKept()
    {
        var name = Name("cfn-down");
        var deployer = Deployer();
        await deployer.UpAsync(WebServer(name));
        var instanceId = (await deployer.GetResourcesAsync(name))!.Single(r => r.LogicalId == "WebServer").PhysicalId!;

        var result = await deployer.DownAsync(new CloudFormationDownRequest { StackName = name });

        Assert.Equal(DeploymentOutcome.Succeeded, result.Outcome);
        Assert.Equal("DELETE_COMPLETE", result.Status);
        Assert.Equal("DELETE_COMPLETE", result.Events[^1].Status);
        var (exitCode, _, stderr) = await moto.Cli.RunAsync("cloudformation", "describe-stacks", "--stack-name", name);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("does not exist", stderr);
        var state = (await moto.Cli.JsonAsync("ec2", "describe-instances", "--instance-ids", instanceId)).RootElement
            .GetProperty("Reservations")[0].GetProperty("Instances")[0].GetProperty("State").GetProperty("Name").GetString();
        Assert.Equal("terminated", state);
        Assert.Equal("DELETE_COMPLETE", (await deployer.DescribeAsync(name))?.Status);
        Assert.NotEmpty((await deployer.GetEventsAsync(name))!);
        Assert.Equal(DeploymentOutcome.NotFound, (await deployer.DownAsync(new CloudFormationDownRequest { StackName = name })).Outcome);
    }

    [Fact]
    public async Task UpAsync_TemplateMotoRejects_FailsWithMotosErrorAsRootCauseAndNextUpStartsClean()
    {
        var name = Name("cfn-bad");
        var deployer = Deployer();
        const string bad = """
            {"Resources": {
              "Queue": {"Type": "AWS::SQS::Queue"},
              "Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": "vpc-0doesnotexist0000", "CidrBlock": "10.9.0.0/24"}}}}
            """;

        var failed = await deployer.UpAsync(new CloudFormationUpRequest { StackName = name, TemplateBody = bad });
        var statusForCli = (await DescribeStackWithCliAsync(name)).GetProperty("StackStatus").GetString();
        var retried = await deployer.UpAsync(WebServer(name));

        Assert.Equal(DeploymentOutcome.Failed, failed.Outcome);
        Assert.False(failed.Succeeded);
        Assert.NotNull(failed.RootCause);
        Assert.Equal("InvalidVpcID.NotFound", failed.RootCause.ErrorCode);
        Assert.Contains("vpc-0doesnotexist0000", failed.RootCause.Message);
        // moto leaves the stack where its change set stopped (REVIEW_IN_PROGRESS); Strata reports what the aws CLI sees.
        Assert.Equal(statusForCli, failed.Status);
        Assert.Contains(failed.Messages, m => m.Contains("InvalidVpcID.NotFound", StringComparison.Ordinal));

        Assert.Equal("CREATE_COMPLETE", retried.Status);
        Assert.NotEqual(failed.StackId, retried.StackId);
        Assert.Contains(retried.Plan!.Messages, m => m.Contains("REVIEW_IN_PROGRESS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpAsync_TemplateOver51200Bytes_UploadedToStrataBucketAndCreatedFromTheUrl()
    {
        var name = Name("cfn-big");
        var padding = new string('x', 60_000);
        var template = $$"""
            {"Metadata": {"Padding": "{{padding}}"},
             "Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "{{name}}"} } } }
            """;
        // moto reads a TemplateURL only when its host is "localhost".
        var deployer = Deployer(env => env["AWS_ENDPOINT_URL_S3"] = $"http://localhost:{moto.Port}");

        var result = await deployer.UpAsync(new CloudFormationUpRequest { StackName = name, TemplateBody = template });

        Assert.Equal("CREATE_COMPLETE", result.Status);
        var staged = result.Plan!.Template!;
        Assert.True(staged.IsInS3);
        Assert.Equal("strata-templates-123456789012-us-east-1", staged.Bucket);
        Assert.Contains(result.Plan.Messages, m => m.Contains("over CloudFormation's 51,200-byte inline limit", StringComparison.Ordinal));
        var head = (await moto.Cli.JsonAsync("s3api", "head-object", "--bucket", staged.Bucket!, "--key", staged.Key!)).RootElement;
        Assert.Equal(staged.SizeBytes, head.GetProperty("ContentLength").GetInt32());
        Assert.True(staged.SizeBytes > 51_200);
        var stored = (await moto.Cli.JsonAsync("cloudformation", "get-template", "--stack-name", name)).RootElement
            .GetProperty("TemplateBody").ToString();
        Assert.Contains(padding, stored);
        Assert.Equal(staged.Url!.ToString(), (await deployer.Records.GetAsync(name, CancellationToken.None))?.TemplateUrl);
    }

    [Fact]
    public async Task PlanAsync_ChangedTemplate_ShowsAddModifyRemoveThenExecuteUpdates()
    {
        var name = Name("cfn-upd");
        var deployer = Deployer();
        var suffix = CloudFormationTestStacks.UniqueSuffix();
        const string first = """
            {"Parameters": {"Suffix": {"Type": "String"}},
             "Resources": {
               "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::Sub": "q-${Suffix}"}, "VisibilityTimeout": 30}},
               "Topic": {"Type": "AWS::SNS::Topic"}}}
            """;
        var second = first.Replace("\"VisibilityTimeout\": 30", "\"VisibilityTimeout\": 60").Replace(
            "\"Topic\": {\"Type\": \"AWS::SNS::Topic\"}", "\"Bucket\": {\"Type\": \"AWS::S3::Bucket\"}");
        await deployer.UpAsync(new CloudFormationUpRequest
        {
            StackName = name, TemplateBody = first, Parameters = new Dictionary<string, string> { ["Suffix"] = suffix },
        });

        var topicArn = (await deployer.GetResourcesAsync(name))!.Single(r => r.LogicalId == "Topic").PhysicalId;

        // Suffix is not given again: it keeps its previous value.
        var plan = await deployer.PlanAsync(new CloudFormationUpRequest { StackName = name, TemplateBody = second });
        var result = await deployer.ExecuteAsync(plan);

        Assert.Equal(ChangeSetPlanStatus.Ready, plan.Status);
        Assert.False(plan.IsCreate);
        var actions = plan.Changes.ToDictionary(c => c.LogicalId, c => c.Action);
        Assert.Equal(ChangeAction.Modify, actions["Queue"]);
        Assert.Equal(ChangeAction.Add, actions["Bucket"]);
        Assert.Equal(ChangeAction.Remove, actions["Topic"]);
        Assert.Equal("UPDATE_COMPLETE", result.Status);
        Assert.Equal("UPDATE_IN_PROGRESS", result.Events[0].Status);
        Assert.DoesNotContain(result.Events, e => e.Status == "CREATE_COMPLETE");
        var stack = await DescribeStackWithCliAsync(name);
        Assert.Equal(suffix, stack.GetProperty("Parameters").EnumerateArray()
            .Single(p => p.GetProperty("ParameterKey").GetString() == "Suffix").GetProperty("ParameterValue").GetString());
        var queues = (await moto.Cli.JsonAsync("sqs", "get-queue-url", "--queue-name", $"q-{suffix}")).RootElement;
        var attributes = (await moto.Cli.JsonAsync("sqs", "get-queue-attributes", "--queue-url", queues.GetProperty("QueueUrl").GetString()!,
            "--attribute-names", "VisibilityTimeout")).RootElement;
        Assert.Equal("60", attributes.GetProperty("Attributes").GetProperty("VisibilityTimeout").GetString());
        var topics = (await moto.Cli.JsonAsync("sns", "list-topics")).RootElement.GetProperty("Topics").EnumerateArray()
            .Select(t => t.GetProperty("TopicArn").GetString());
        Assert.DoesNotContain(topicArn, topics);
    }

    [Fact]
    public async Task UpAsync_UnchangedTemplate_NoChangesAndTheLeaseIsExtended()
    {
        var name = Name("cfn-same");
        var deployer = Deployer();
        await deployer.UpAsync(WebServer(name));

        var again = await deployer.UpAsync(WebServer(name) with { TimeToLive = TimeSpan.FromHours(12) });

        Assert.Equal(DeploymentOutcome.NoChanges, again.Outcome);
        Assert.True(again.Succeeded);
        Assert.Equal("CREATE_COMPLETE", again.Status);
        Assert.Contains(again.Messages, m => m.StartsWith("No changes", StringComparison.Ordinal));
        var record = await deployer.Records.GetAsync(name, CancellationToken.None);
        Assert.Equal(TimeSpan.FromHours(12), record?.TimeToLive);
        Assert.InRange(record!.ExpiresAt!.Value - DateTimeOffset.UtcNow, TimeSpan.FromHours(11), TimeSpan.FromHours(12));
    }

    [Fact]
    public async Task GetEventsAsync_DeployedStack_OldestFirstAsTheAwsCliListsThemNewestFirst()
    {
        var name = Name("cfn-ev");
        var deployer = Deployer();
        await deployer.UpAsync(WebServer(name));

        var events = await deployer.GetEventsAsync(name);
        var cli = (await moto.Cli.JsonAsync("cloudformation", "describe-stack-events", "--stack-name", name)).RootElement
            .GetProperty("StackEvents").EnumerateArray().Select(e => e.GetProperty("EventId").GetString()).Reverse();

        Assert.NotNull(events);
        Assert.Equal(cli, events.Select(e => e.EventId));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Null(await deployer.GetEventsAsync(Name("cfn-unknown")));
    }
}
