using System.Text.Json.Nodes;
using Strata.Engine.Providers;
using Strata.Providers.Aws.CloudControl;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.CloudControl;

/// <summary>
/// <c>--provider aws</c>: the engine's contract mapped onto Cloud Control, against the recorded exchanges — the
/// requests it sends (tags, client tokens, patches) and how every documented outcome reaches the engine.
/// </summary>
public sealed class CloudControlResourceProviderTests
{
    private static readonly Dictionary<string, string> StackTags = new() { ["strata:stack"] = "web" };

    private static DateTimeOffset Epoch(double seconds) => DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Round(seconds * 1000));

    private static CloudControlResourceProvider Provider(RecordedAwsEndpoint aws, TimeProvider? time = null, RetryOptions? retry = null) =>
        new(new CloudControlClient(RecordedContexts.For(aws, time, retry)));

    private static ResourceRequest Request(string type, string desired, string clientToken = "strata-token-1", string? physicalId = null,
        string? previous = null) => new()
    {
        TypeName = type,
        LogicalId = "Res",
        StackName = "web",
        ClientToken = clientToken,
        DesiredState = JsonNode.Parse(desired)!.AsObject(),
        PreviousState = previous is null ? null : JsonNode.Parse(previous)!.AsObject(),
        PhysicalId = physicalId,
        SystemTags = StackTags,
    };

    private static JsonObject Body(CapturedRequest request) => JsonNode.Parse(request.BodyText)!.AsObject();

    [Fact]
    public async Task CreateThenPoll_TemplateNamedLogGroup_SendsTaggedStateAndEndsWithIdentifierAndModel()
    {
        await using var aws = new RecordedAwsEndpoint();
        CloudControlRecording.Load("create-resource-log-group").ServeFrom(aws);
        var status = CloudControlRecording.Load("get-resource-request-status-success").ServeFrom(aws);
        var read = CloudControlRecording.Load("get-resource-log-group").ServeFrom(aws);
        var provider = Provider(aws);

        var started = await provider.CreateAsync(Request("AWS::Logs::LogGroup", """{"LogGroupName":"CloudControlExample","RetentionInDays":90}""",
            clientToken: "strata-create-0002"), CancellationToken.None);
        var finished = await provider.GetStatusAsync(started.RequestToken!, CancellationToken.None);

        var create = Body(aws.Requests[0]);
        Assert.Equal("CloudApiService.CreateResource", aws.Requests[0].Header("X-Amz-Target"));
        Assert.Equal("AWS::Logs::LogGroup", create["TypeName"]!.GetValue<string>());
        Assert.Equal("strata-create-0002", create["ClientToken"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"LogGroupName":"CloudControlExample","RetentionInDays":90,"Tags":[{"Key":"strata:stack","Value":"web"}]}"""),
            JsonNode.Parse(create["DesiredState"]!.GetValue<string>())));
        Assert.Equal(OperationStatus.InProgress, started.Status);
        Assert.Equal("758f4a4e-fef4-491a-9b07-00123456789", started.RequestToken);
        // The name came from the template: it is only claimed once the create has succeeded.
        Assert.Null(started.PhysicalId);
        status.AssertMatches(aws.Requests[1]);
        read.AssertMatches(aws.Requests[2]);
        Assert.Equal(OperationStatus.Success, finished.Status);
        Assert.Equal("CloudControlExample", finished.PhysicalId);
        Assert.Equal("arn:aws:logs:us-west-2:123456789012:log-group:CloudControlExample:*", finished.ResourceModel!["Arn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_IdentifierAwsGenerated_IsReportedWhileInProgress()
    {
        await using var aws = new RecordedAwsEndpoint();
        CloudControlRecording.Load("create-resource").ServeFrom(aws);

        // No Name in the desired state: the identifier in the progress event is AWS's, so the resource is Strata's.
        var started = await Provider(aws).CreateAsync(Request("AWS::Kinesis::Stream", """{"ShardCount":3}"""), CancellationToken.None);

        Assert.Equal(OperationStatus.InProgress, started.Status);
        Assert.Equal("ResourceExample", started.PhysicalId);
    }

    [Fact]
    public async Task GetStatus_AlreadyExists_FailsWithoutClaimingTheExistingResource()
    {
        await using var aws = new RecordedAwsEndpoint();
        CloudControlRecording.Load("get-resource-request-status-already-exists").ServeFrom(aws);

        // A provider that did not start the request (e.g. after a restart) cannot tell where "Demo" came from.
        var result = await Provider(aws).GetStatusAsync("e1a6b86e-46bd-41ac-bfba-001234567890", CancellationToken.None);

        Assert.Equal(OperationStatus.Failed, result.Status);
        Assert.Equal(HandlerErrorCode.AlreadyExists, result.ErrorCode);
        Assert.Equal("Resource of type 'AWS::Kinesis::Stream' with identifier 'Demo' already exists.", result.Message);
        Assert.Null(result.PhysicalId);
    }

    [Fact]
    public async Task GetStatus_NotStabilized_FailsKeepingTheIdentifierSoRollbackDeletesIt()
    {
        await using var aws = new RecordedAwsEndpoint();
        CloudControlRecording.Load("get-resource-request-status-not-stabilized").ServeFrom(aws);

        var result = await Provider(aws).GetStatusAsync("20999d87-e304-4725-ad84-832dcbfd7fc5", CancellationToken.None);

        Assert.Equal(OperationStatus.Failed, result.Status);
        Assert.Equal(HandlerErrorCode.NotStabilized, result.ErrorCode);
        Assert.Equal("Exceeded attempts to wait", result.Message);
        Assert.Equal("ResourceExample", result.PhysicalId);
    }

    [Fact]
    public async Task GetStatus_Throttling_FailsRetryablyWithRetryAfterMeasuredOnTheClock()
    {
        await using var aws = new RecordedAwsEndpoint();
        CloudControlRecording.Load("get-resource-request-status-throttling").ServeFrom(aws);
        var clock = new FixedClock(Epoch(1632950268.481) + TimeSpan.FromSeconds(5));

        var result = await Provider(aws, clock).GetStatusAsync("e1a6b86e-46bd-41ac-bfba-001234567891", CancellationToken.None);

        Assert.Equal(OperationStatus.Failed, result.Status);
        Assert.Equal(HandlerErrorCode.Throttling, result.ErrorCode);
        Assert.True(result.ErrorCode!.Value.IsRetryable());
        Assert.Equal(TimeSpan.FromSeconds(25), result.RetryAfter);
    }

    [Theory]
    [InlineData(0, 12.5)]
    [InlineData(10, 2.5)]
    [InlineData(60, 0)]
    public async Task GetStatus_InProgressWithRetryAfter_WaitsUntilThatTime(double secondsAfterEvent, double expectedWait)
    {
        await using var aws = new RecordedAwsEndpoint();
        CloudControlRecording.Load("get-resource-request-status-in-progress-retry-after").ServeFrom(aws);
        var clock = new FixedClock(Epoch(1632506656.706) + TimeSpan.FromSeconds(secondsAfterEvent));

        var result = await Provider(aws, clock).GetStatusAsync("20999d87-e304-4725-ad84-832dcbfd7fc5", CancellationToken.None);

        Assert.Equal(OperationStatus.InProgress, result.Status);
        Assert.Equal("20999d87-e304-4725-ad84-832dcbfd7fc5", result.RequestToken);
        Assert.Equal(TimeSpan.FromSeconds(expectedWait), result.RetryAfter);
    }

    [Fact]
    public async Task Update_RecordedPreviousState_SendsOnlyTheChangedPropertyAsTheDocumentedPatch()
    {
        await using var aws = new RecordedAwsEndpoint();
        var recording = CloudControlRecording.Load("update-resource").ServeFrom(aws);

        // System tags go into both states, so they are no part of the patch.
        var result = await Provider(aws).UpdateAsync(Request("AWS::Logs::LogGroup", """{"LogGroupName":"ExampleLogGroup","RetentionInDays":90}""",
            clientToken: "strata-update-0001", physicalId: "ExampleLogGroup",
            previous: """{"LogGroupName":"ExampleLogGroup","RetentionInDays":30}"""), CancellationToken.None);

        recording.AssertMatches(Assert.Single(aws.Requests));
        Assert.Equal(OperationStatus.InProgress, result.Status);
        Assert.Equal("ExampleLogGroup", result.PhysicalId);
        Assert.Equal("5f40c577-3534-4b20-9599-0b0123456789", result.RequestToken);
    }

    [Fact]
    public async Task Update_NothingChanged_ReadsTheResourceInsteadOfPatching()
    {
        await using var aws = new RecordedAwsEndpoint();
        CloudControlRecording.Load("get-resource").ServeFrom(aws);
        const string state = """{"Name":"ResourceExample","RetentionPeriodHours":168,"ShardCount":3}""";

        var result = await Provider(aws).UpdateAsync(Request("AWS::Kinesis::Stream", state, physicalId: "ResourceExample", previous: state),
            CancellationToken.None);

        Assert.Equal("CloudApiService.GetResource", Assert.Single(aws.Requests).Header("X-Amz-Target"));
        Assert.Equal(OperationStatus.Success, result.Status);
        Assert.Equal("ResourceExample", result.PhysicalId);
        Assert.Equal(3, result.ResourceModel!["ShardCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Update_NoRecordedPreviousState_DiffsAgainstTheWritablePropertiesAwsReports()
    {
        await using var aws = new RecordedAwsEndpoint();
        CloudControlRecording.Load("get-resource").ServeFrom(aws);
        CloudControlRecording.Load("update-resource").ServeFrom(aws);
        var provider = Provider(aws);

        await provider.UpdateAsync(Request("AWS::Kinesis::Stream", """{"Name":"ResourceExample","RetentionPeriodHours":168,"ShardCount":4}""",
            physicalId: "ResourceExample") with { SystemTags = new Dictionary<string, string>() }, CancellationToken.None);

        var update = Body(aws.Requests[1]);
        Assert.Equal("CloudApiService.UpdateResource", aws.Requests[1].Header("X-Amz-Target"));
        Assert.Equal("ResourceExample", update["Identifier"]!.GetValue<string>());
        // The read-only Arn AWS reported is not "removed".
        Assert.Equal("""[{"op":"replace","path":"/ShardCount","value":4}]""", update["PatchDocument"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_DocumentedExample_SendsIdentifierAndTheEngineClientToken()
    {
        await using var aws = new RecordedAwsEndpoint();
        var recording = CloudControlRecording.Load("delete-resource").ServeFrom(aws);

        var result = await Provider(aws).DeleteAsync(Request("AWS::Kinesis::Stream", "{}", clientToken: "strata-delete-0001", physicalId: "ResourceExample"),
            CancellationToken.None);

        recording.AssertMatches(Assert.Single(aws.Requests));
        Assert.Equal(OperationStatus.InProgress, result.Status);
        Assert.Equal("ResourceExample", result.PhysicalId);
        Assert.Equal("e48f26ff-d0f9-4ab8-a878-120db1edf111", result.RequestToken);
    }

    [Fact]
    public async Task Delete_SnapshotRequested_RefusesWithoutCallingAws()
    {
        await using var aws = new RecordedAwsEndpoint();

        var result = await Provider(aws).DeleteAsync(Request("AWS::RDS::DBInstance", "{}", physicalId: "db1") with { Snapshot = true },
            CancellationToken.None);

        Assert.Empty(aws.Requests);
        Assert.Equal(OperationStatus.Failed, result.Status);
        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("DeletionPolicy Snapshot", result.Message);
    }

    [Fact]
    public async Task Delete_NoPhysicalId_SucceedsWithoutCallingAws()
    {
        await using var aws = new RecordedAwsEndpoint();

        var result = await Provider(aws).DeleteAsync(Request("AWS::Kinesis::Stream", "{}"), CancellationToken.None);

        Assert.Empty(aws.Requests);
        Assert.Equal(OperationStatus.Success, result.Status);
    }

    [Fact]
    public async Task List_TwoPages_ReturnsIdentifiersAndTheNextToken()
    {
        await using var aws = new RecordedAwsEndpoint();
        CloudControlRecording.Load("list-resources-first-page").ServeFrom(aws);
        CloudControlRecording.Load("list-resources").ServeFrom(aws);
        var provider = Provider(aws);

        var first = await provider.ListAsync("AWS::Kinesis::Stream", null, CancellationToken.None);
        var second = await provider.ListAsync("AWS::Kinesis::Stream", first.NextToken, CancellationToken.None);

        Assert.Equal(["FirstStream"], first.PhysicalIds);
        Assert.Equal("AAEAAaNcUKU1kDlUQ2KoYHSV", first.NextToken);
        Assert.Equal(["MyKinesisStream", "AnotherStream"], second.PhysicalIds);
        Assert.Null(second.NextToken);
        Assert.Equal("AAEAAaNcUKU1kDlUQ2KoYHSV", Body(aws.Requests[1])["NextToken"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_RequestToken_SendsCancelResourceRequest()
    {
        await using var aws = new RecordedAwsEndpoint();
        var recording = CloudControlRecording.Load("cancel-resource-request").ServeFrom(aws);

        await Provider(aws).CancelAsync("5f40c577-3534-4b20-9599-0b0123456789", CancellationToken.None);

        recording.AssertMatches(Assert.Single(aws.Requests));
    }

    [Fact]
    public async Task Create_AlreadyExistsException_IsAFailedEventNotAnException()
    {
        await using var aws = new RecordedAwsEndpoint();
        CloudControlRecording.Load("create-resource-already-exists-exception").ServeFrom(aws);

        var result = await Provider(aws).CreateAsync(Request("AWS::Kinesis::Stream", """{"Name":"Demo"}"""), CancellationToken.None);

        Assert.Equal(OperationStatus.Failed, result.Status);
        Assert.Equal(HandlerErrorCode.AlreadyExists, result.ErrorCode);
        Assert.Contains("with identifier 'Demo' already exists", result.Message);
        Assert.Null(result.PhysicalId);
    }

    [Fact]
    public async Task Create_ThrottledOnEveryAttempt_IsARetryableThrottlingFailure()
    {
        await using var aws = new RecordedAwsEndpoint();
        CloudControlRecording.Load("create-resource-throttling-exception").ServeFrom(aws, times: 2);

        var result = await Provider(aws, retry: RetryOptions.Default with { MaxAttempts = 2, BaseDelay = TimeSpan.Zero })
            .CreateAsync(Request("AWS::Kinesis::Stream", """{"Name":"ResourceExample"}"""), CancellationToken.None);

        Assert.Equal(2, aws.Requests.Count);
        Assert.Equal(HandlerErrorCode.Throttling, result.ErrorCode);
        Assert.Equal(Body(aws.Requests[0])["ClientToken"]!.GetValue<string>(), Body(aws.Requests[1])["ClientToken"]!.GetValue<string>());
    }

    [Fact]
    public async Task Read_ResourceNotFoundException_IsNotFound()
    {
        await using var aws = new RecordedAwsEndpoint();
        var recording = CloudControlRecording.Load("get-resource-not-found-exception").ServeFrom(aws);

        var result = await Provider(aws).ReadAsync(Request("AWS::Kinesis::Stream", "{}", physicalId: "Gone"), CancellationToken.None);

        recording.AssertMatches(Assert.Single(aws.Requests));
        Assert.Equal(HandlerErrorCode.NotFound, result.ErrorCode);
        Assert.Contains("Stream Gone under account 099908667365 not found", result.Message);
    }

    [Fact]
    public async Task Create_EndpointDown_IsANetworkFailure()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var context = new AwsClientContext("us-east-1",
                new Strata.Providers.Aws.Credentials.StaticCredentialsProvider(new Strata.Providers.Aws.Credentials.AwsCredentials("AKIDDOWN", "down-secret")),
                retry: RetryOptions.Default with { MaxAttempts = 1 })
            .WithEndpoint(closed, "a test endpoint");

        var result = await new CloudControlResourceProvider(new CloudControlClient(context))
            .CreateAsync(Request("AWS::Kinesis::Stream", "{}"), CancellationToken.None);

        Assert.Equal(HandlerErrorCode.NetworkFailure, result.ErrorCode);
        Assert.Contains(closed.Authority, result.Message);
        Assert.DoesNotContain("down-secret", result.Message);
    }

    [Fact]
    public async Task Create_RequestForAnotherRegion_IsRefusedWithoutCallingAws()
    {
        await using var aws = new RecordedAwsEndpoint();

        var result = await Provider(aws).CreateAsync(Request("AWS::Kinesis::Stream", "{}") with { Region = "eu-west-1" }, CancellationToken.None);

        Assert.Empty(aws.Requests);
        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("eu-west-1", result.Message);
        Assert.Contains("us-east-1", result.Message);
    }

    [Fact]
    public async Task Create_EngineTokenCloudControlWouldRefuse_IsSentAsAStableDigest()
    {
        await using var aws = new RecordedAwsEndpoint();
        CloudControlRecording.Load("create-resource").ServeFrom(aws, times: 2);
        var provider = Provider(aws);
        var request = Request("AWS::Kinesis::Stream", "{}", clientToken: "op_42:retry#1");

        await provider.CreateAsync(request, CancellationToken.None);
        await provider.CreateAsync(request, CancellationToken.None);

        var tokens = aws.Requests.Select(r => Body(r)["ClientToken"]!.GetValue<string>()).ToList();
        Assert.Matches("^[-A-Za-z0-9+/=]{1,128}$", tokens[0]);
        Assert.Equal(tokens[0], tokens[1]);
        Assert.Equal(CloudControlClientToken.From("op_42:retry#1"), tokens[0]);
        Assert.Equal("already-valid-token", CloudControlClientToken.From("already-valid-token"));
    }

    [Theory]
    [InlineData("AWS::Logs::LogGroup", true)]
    [InlineData("AWS::EC2::Instance", true)]
    [InlineData("Acme::Widgets::Gadget", true)]
    [InlineData("Custom::Seeder", false)]
    [InlineData("AWS::CloudFormation::CustomResource", false)]
    [InlineData("AWS::Serverless::Function", false)]
    [InlineData("not a type", false)]
    public async Task Supports_TypeName_MatchesWhatCloudControlCanManage(string typeName, bool expected)
    {
        await using var aws = new RecordedAwsEndpoint();

        Assert.Equal(expected, Provider(aws).Supports(typeName));
    }

    [Fact]
    public async Task ReferenceOf_TypeWhoseRefIsPartOfTheIdentifier_IsThatPart()
    {
        await using var aws = new RecordedAwsEndpoint();

        // Through the contract, as the engine asks: a class method that missed the signature would leave the default.
        IResourceProvider provider = Provider(aws);

        Assert.Equal("res", provider.ReferenceOf("AWS::ApiGateway::Resource", "api|res", model: null));
        Assert.Empty(aws.Requests);
    }

    [Fact]
    public async Task ReferenceOf_TypeWhoseRefIsTheIdentifier_IsTheIdentifier()
    {
        await using var aws = new RecordedAwsEndpoint();

        Assert.Equal("CloudControlExample", Provider(aws).ReferenceOf("AWS::Logs::LogGroup", "CloudControlExample",
            JsonNode.Parse("""{"LogGroupName":"CloudControlExample","Arn":"arn:aws:logs:us-east-1:123456789012:log-group:CloudControlExample:*"}""")!.AsObject()));
    }
}
