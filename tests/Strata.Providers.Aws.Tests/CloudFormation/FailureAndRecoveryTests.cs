using Strata.Engine.Planning;
using Strata.Providers.Aws.CloudFormation;
using Strata.Providers.Aws.Tests.Infrastructure;
using static Strata.Providers.Aws.Tests.CloudFormation.RecordedEventStreams;

namespace Strata.Providers.Aws.Tests.CloudFormation;

/// <summary>
/// Failed creates (ROLLBACK_COMPLETE), failed rollbacks (UPDATE_ROLLBACK_FAILED), resuming an interrupted
/// deployment, and the plan's vocabulary: paths moto cannot produce, against the loopback CloudFormation with
/// AWS's documented event and change-set shapes.
/// </summary>
public sealed class FailureAndRecoveryTests : FakeCloudFormationTestBase
{
    private const string Template = """{"Resources":{"Vpc":{"Type":"AWS::EC2::VPC"},"WebServer":{"Type":"AWS::EC2::Instance"}}}""";

    protected override CloudFormationDeployerOptions Configure(CloudFormationDeployerOptions options) =>
        options with { MaxPollInterval = TimeSpan.FromSeconds(30) };

    /// <summary>What CloudFormation logs when the instance fails and the stack rolls back.</summary>
    private static void FailingCreate(FakeCloudFormation s) => s
        .StackEvent("CREATE_IN_PROGRESS", "User Initiated")
        .ResourceEvent("Vpc", "AWS::EC2::VPC", "CREATE_IN_PROGRESS")
        .After(TimeSpan.FromSeconds(20), t => t
            .ResourceEvent("Vpc", "AWS::EC2::VPC", "CREATE_COMPLETE", null, "vpc-0a1b2c3d")
            .ResourceEvent("WebServer", "AWS::EC2::Instance", "CREATE_IN_PROGRESS")
            .ResourceEvent("Database", "AWS::RDS::DBInstance", "CREATE_IN_PROGRESS"))
        .After(TimeSpan.FromSeconds(40), t => t
            .ResourceEvent("Database", "AWS::RDS::DBInstance", "CREATE_FAILED", "Resource creation cancelled", "strata-db")
            .ResourceEvent("WebServer", "AWS::EC2::Instance", "CREATE_FAILED", ClassicMessage)
            .StackEvent("ROLLBACK_IN_PROGRESS", "The following resource(s) failed to create: [Database, WebServer]. Rollback requested by user."))
        .After(TimeSpan.FromSeconds(90), t => t
            .ResourceEvent("Database", "AWS::RDS::DBInstance", "DELETE_COMPLETE", null, "strata-db")
            .ResourceEvent("Vpc", "AWS::EC2::VPC", "DELETE_COMPLETE", null, "vpc-0a1b2c3d")
            .StackEvent("ROLLBACK_COMPLETE"));

    [Fact]
    public async Task UpAsync_CreateFailsAndRollsBack_RollbackCompleteWithGenuineRootCauseKeptForLater()
    {
        _cfn.On("ExecuteChangeSet", (s, _) => FailingCreate(s));
        var observer = new RecordingObserver();
        var deployer = Deployer();

        var result = await deployer.UpAsync(new CloudFormationUpRequest { StackName = "web", TemplateBody = Template }, observer);

        Assert.Equal(DeploymentOutcome.Failed, result.Outcome);
        Assert.Equal("ROLLBACK_COMPLETE", result.Status);
        Assert.Equal(("WebServer", "AWS::EC2::Instance", "InvalidAMIID.NotFound"),
            (result.RootCause?.LogicalId, result.RootCause?.Type, result.RootCause?.ErrorCode));
        Assert.Equal(ClassicMessage, result.RootCause?.Message);
        // Events oldest first, numbered, exactly the ones shown live.
        Assert.Equal("REVIEW_IN_PROGRESS", result.Events[0].Status);
        Assert.Equal("ROLLBACK_COMPLETE", result.Events[^1].Status);
        Assert.Equal(Enumerable.Range(1, result.Events.Count).Select(i => (long)i), result.Events.Select(e => e.Sequence));
        Assert.Equal(result.Events.Select(e => e.EventId), observer.Events.Select(e => e.EventId));
        Assert.True(result.Events.Zip(result.Events.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp));

        // Later, without the event stream at hand: the stack shows as failed, with the same cause, from Strata's record.
        var view = await deployer.DescribeAsync("web");
        Assert.NotNull(view);
        Assert.True(view.IsFailed);
        Assert.Equal(result.RootCause, view.RootCause);
        var json = CloudFormationJson.Operation(result).ToJsonString();
        Assert.Contains("\"rootCause\":{\"logicalId\":\"WebServer\",\"type\":\"AWS::EC2::Instance\",\"errorCode\":\"InvalidAMIID.NotFound\"", json);
    }

    [Fact]
    public async Task PlanAsync_StackLeftInRollbackComplete_RefusedWithOldCauseUnlessReplacementRequested()
    {
        FailingCreate(_cfn);
        _clock.Advance(TimeSpan.FromMinutes(5));
        _cfn.On("DeleteStack", (s, _) => s.StackEvent("DELETE_IN_PROGRESS", "User Initiated")
            .After(TimeSpan.FromSeconds(30), t => t.StackEvent("DELETE_COMPLETE")));
        var deployer = Deployer();

        var refused = await deployer.PlanAsync(new CloudFormationUpRequest { StackName = "web", TemplateBody = Template });
        var replaced = await deployer.PlanAsync(new CloudFormationUpRequest { StackName = "web", TemplateBody = Template, ReplaceFailedStack = true });

        Assert.Equal(ChangeSetPlanStatus.Refused, refused.Status);
        Assert.Contains("ROLLBACK_COMPLETE", refused.Messages.Single());
        Assert.Contains("strata down web", refused.Messages.Single());
        Assert.Equal("WebServer", refused.RootCause?.LogicalId);

        Assert.Equal(ChangeSetPlanStatus.Ready, replaced.Status);
        Assert.True(replaced.IsCreate);
        var actions = _cfn.Actions;
        Assert.Equal(1, actions.Count(a => a == "CreateChangeSet"));
        Assert.True(actions.IndexOf("DeleteStack") < actions.IndexOf("CreateChangeSet"));
        Assert.Equal("CREATE", _cfn.LastForm("CreateChangeSet")["ChangeSetType"]);
        Assert.Contains(replaced.Messages, m => m.StartsWith("Deleted stack web, left in ROLLBACK_COMPLETE", StringComparison.Ordinal) &&
                                                m.Contains("root cause: WebServer", StringComparison.Ordinal));
    }

    /// <summary>A stack whose update failed and whose rollback failed on the database.</summary>
    private void RollbackFailedStack() => _cfn
        .StackEvent("CREATE_IN_PROGRESS", "User Initiated")
        .ResourceEvent("Database", "AWS::RDS::DBInstance", "CREATE_COMPLETE", null, "strata-db")
        .StackEvent("CREATE_COMPLETE")
        .StackEvent("UPDATE_IN_PROGRESS", "User Initiated")
        .ResourceEvent("Database", "AWS::RDS::DBInstance", "UPDATE_FAILED", HandlerMessage, "strata-db")
        .StackEvent("UPDATE_ROLLBACK_IN_PROGRESS", "The following resource(s) failed to update: [Database].")
        .ResourceEvent("Database", "AWS::RDS::DBInstance", "UPDATE_FAILED", "Resource handler returned message: \"Cannot modify a stopped instance\" (HandlerErrorCode: InvalidRequest)", "strata-db")
        .StackEvent("UPDATE_ROLLBACK_FAILED", "The following resource(s) failed to update: [Database].");

    [Fact]
    public async Task ContinueUpdateRollbackAsync_RollbackFailed_SkipsResourcesAndFollowsToRollbackComplete()
    {
        RollbackFailedStack();
        _cfn.On("ContinueUpdateRollback", (s, _) => s
            .StackEvent("UPDATE_ROLLBACK_IN_PROGRESS", "Continue rollback requested by user")
            .After(TimeSpan.FromSeconds(40), t => t
                .ResourceEvent("Database", "AWS::RDS::DBInstance", "UPDATE_COMPLETE", "Resource skipped during rollback", "strata-db")
                .StackEvent("UPDATE_ROLLBACK_COMPLETE")));
        var deployer = Deployer();

        var result = await deployer.ContinueUpdateRollbackAsync(new CloudFormationContinueRollbackRequest
        {
            StackName = "web", ResourcesToSkip = ["Database"],
        });

        var form = _cfn.LastForm("ContinueUpdateRollback");
        Assert.Equal(_cfn.StackId, form["StackName"]);
        Assert.Equal("Database", form["ResourcesToSkip.member.1"]);
        Assert.Equal(DeploymentOutcome.Succeeded, result.Outcome);
        Assert.Equal("UPDATE_ROLLBACK_COMPLETE", result.Status);
        // Only this operation's events; the cause stays the update's own failure.
        Assert.Equal("UPDATE_ROLLBACK_IN_PROGRESS", result.Events[0].Status);
        Assert.Equal(("Database", "NotFound"), (result.RootCause?.LogicalId, result.RootCause?.ErrorCode));
        Assert.Contains(result.Messages, m => m.Contains("skipping Database", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlanAndContinue_WrongStates_RefusedWithoutCallingCloudFormation()
    {
        RollbackFailedStack();
        var deployer = Deployer();

        var plan = await deployer.PlanAsync(new CloudFormationUpRequest { StackName = "web", TemplateBody = Template });
        _cfn.StackEvent("UPDATE_ROLLBACK_COMPLETE");
        var continued = await deployer.ContinueUpdateRollbackAsync(new CloudFormationContinueRollbackRequest { StackName = "web" });

        Assert.Equal(ChangeSetPlanStatus.Refused, plan.Status);
        Assert.Contains("continue the rollback", plan.Messages.Single());
        Assert.Equal("Database", plan.RootCause?.LogicalId);
        Assert.Equal(DeploymentOutcome.Refused, continued.Outcome);
        Assert.DoesNotContain("CreateChangeSet", _cfn.Actions);
        Assert.DoesNotContain("ContinueUpdateRollback", _cfn.Actions);
    }

    [Fact]
    public async Task FollowAsync_AfterUpWasInterrupted_ResumesFromTheRecordedEventAndConcludesTheRecord()
    {
        _cfn.On("ExecuteChangeSet", (s, _) => s.StackEvent("CREATE_IN_PROGRESS", "User Initiated")
            .ResourceEvent("Vpc", "AWS::EC2::VPC", "CREATE_IN_PROGRESS")
            .After(TimeSpan.FromMinutes(2), t => t.ResourceEvent("Vpc", "AWS::EC2::VPC", "CREATE_COMPLETE", null, "vpc-1"))
            .After(TimeSpan.FromMinutes(3), t => t.ResourceEvent("WebServer", "AWS::EC2::Instance", "CREATE_COMPLETE", null, "i-1")
                .StackEvent("CREATE_COMPLETE")));
        using var interrupt = new CancellationTokenSource();
        var first = new RecordingObserver(e =>
        {
            if (e.LogicalId == "Vpc") interrupt.Cancel();
        });
        var deployer = Deployer();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => deployer.UpAsync(
            new CloudFormationUpRequest { StackName = "web", TemplateBody = Template, TimeToLive = TimeSpan.FromDays(7) }, first, interrupt.Token));
        var record = await deployer.Records.GetAsync("web", CancellationToken.None);
        var resumed = new RecordingObserver();
        var result = await deployer.FollowAsync("web", resumed, new EventCursor(record!.LastEventId, record.EventCount));

        Assert.Equal("CREATE_IN_PROGRESS", record.Status);
        Assert.Equal(first.Events.Last().EventId, record.LastEventId);
        Assert.Equal(_clock.Start + TimeSpan.FromDays(7), record.ExpiresAt);
        Assert.NotNull(result);
        Assert.Equal(DeploymentOutcome.Succeeded, result.Outcome);
        // Exactly the events the interrupted up had not shown, numbered on from where it stopped.
        Assert.Equal(["Vpc:CREATE_COMPLETE", "WebServer:CREATE_COMPLETE", "web:CREATE_COMPLETE"],
            resumed.Events.Select(e => $"{e.LogicalId}:{e.Status}"));
        Assert.Equal(record.EventCount + 1, resumed.Events.First().Sequence);
        var concluded = await deployer.Records.GetAsync("web", CancellationToken.None);
        Assert.Equal("CREATE_COMPLETE", concluded?.Status);
        Assert.Equal(record.EventCount + 3, concluded?.EventCount);
        Assert.Equal(record.ExpiresAt, concluded?.ExpiresAt);
    }

    [Fact]
    public async Task PlanAsync_DocumentedChangeSet_ChangesInTheEnginesPlanVocabulary()
    {
        _cfn.StackEvent("CREATE_COMPLETE");
        _cfn.ChangeSetChanges.AddRange(
        [
            """<ResourceChange><Replacement>True</Replacement><Action>Modify</Action><Scope><member>Properties</member></Scope><LogicalResourceId>MyEC2Instance</LogicalResourceId><PhysicalResourceId>i-1abc23d4</PhysicalResourceId><ResourceType>AWS::EC2::Instance</ResourceType><Details><member><Evaluation>Static</Evaluation><ChangeSource>DirectModification</ChangeSource><Target><Attribute>Properties</Attribute><Name>ImageId</Name><RequiresRecreation>Always</RequiresRecreation></Target></member></Details></ResourceChange>""",
            """<ResourceChange><Replacement>Conditional</Replacement><Action>Modify</Action><Scope><member>Properties</member></Scope><LogicalResourceId>MyDB</LogicalResourceId><PhysicalResourceId>mydb</PhysicalResourceId><ResourceType>AWS::RDS::DBInstance</ResourceType><Details><member><Evaluation>Dynamic</Evaluation><ChangeSource>ResourceReference</ChangeSource><CausingEntity>MySubnetGroup</CausingEntity><Target><Attribute>Properties</Attribute><Name>DBSubnetGroupName</Name><RequiresRecreation>Conditionally</RequiresRecreation></Target></member></Details></ResourceChange>""",
            """<ResourceChange><Replacement>False</Replacement><Action>Modify</Action><Scope><member>Tags</member></Scope><LogicalResourceId>MyQueue</LogicalResourceId><PhysicalResourceId>q</PhysicalResourceId><ResourceType>AWS::SQS::Queue</ResourceType><Details><member><Evaluation>Static</Evaluation><ChangeSource>DirectModification</ChangeSource><Target><Attribute>Tags</Attribute><RequiresRecreation>Never</RequiresRecreation></Target></member></Details></ResourceChange>""",
            """<ResourceChange><Action>Add</Action><LogicalResourceId>MyBucket</LogicalResourceId><ResourceType>AWS::S3::Bucket</ResourceType></ResourceChange>""",
            """<ResourceChange><Action>Remove</Action><LogicalResourceId>OldTopic</LogicalResourceId><PhysicalResourceId>arn:aws:sns:us-east-1:123456789012:old</PhysicalResourceId><ResourceType>AWS::SNS::Topic</ResourceType></ResourceChange>""",
        ]);

        var plan = await Deployer().PlanAsync(new CloudFormationUpRequest { StackName = "web", TemplateBody = Template });

        Assert.Equal(ChangeSetPlanStatus.Ready, plan.Status);
        Assert.False(plan.IsCreate);
        Assert.Equal("UPDATE", _cfn.LastForm("CreateChangeSet")["ChangeSetType"]);
        var byId = plan.Changes.ToDictionary(c => c.LogicalId);
        Assert.Equal((ChangeAction.Replace, ReplacementKind.Always), (byId["MyEC2Instance"].Action, byId["MyEC2Instance"].Replacement));
        Assert.Equal("Changed: ImageId [requires replacement]; replaced", byId["MyEC2Instance"].Reason);
        Assert.Equal((ChangeAction.Modify, ReplacementKind.Conditional), (byId["MyDB"].Action, byId["MyDB"].Replacement));
        Assert.False(byId["MyDB"].PropertyChanges.Single().AfterKnown);
        Assert.Equal((ChangeAction.Modify, ReplacementKind.Never), (byId["MyQueue"].Action, byId["MyQueue"].Replacement));
        Assert.Equal("Changed: Tags; updated in place", byId["MyQueue"].Reason);
        Assert.Equal(ChangeAction.Add, byId["MyBucket"].Action);
        Assert.Equal((ChangeAction.Remove, "arn:aws:sns:us-east-1:123456789012:old"), (byId["OldTopic"].Action, byId["OldTopic"].PhysicalId));
        var summary = CloudFormationJson.Plan(plan)["summary"]!.ToJsonString();
        Assert.Equal("""{"add":1,"modify":2,"replace":1,"remove":1}""", summary);
    }
}
