using System.Text.Json.Nodes;
using Strata.Providers.Aws.CloudControl;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.CloudControl;

/// <summary>
/// The Cloud Control protocol against recorded exchanges (moto has no Cloud Control): the exact request Strata
/// signs and sends for each action, and how each documented response is read.
/// </summary>
public sealed class CloudControlClientTests
{
    private static DateTimeOffset Epoch(double seconds) => DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Round(seconds * 1000));

    [Theory]
    [MemberData(nameof(RecordingNames))]
    public void Recording_EachFile_NamesItsSourceAndHasARequestAndResponse(string name)
    {
        var recording = CloudControlRecording.Load(name);

        Assert.False(string.IsNullOrWhiteSpace(recording.Document["source"]!.GetValue<string>()));
        Assert.StartsWith("CloudApiService.", recording.Target);
        Assert.Equal(recording.Document["operation"]!.GetValue<string>(), recording.Target["CloudApiService.".Length..]);
        Assert.InRange(recording.Status, 200, 599);
    }

    public static TheoryData<string> RecordingNames() => new(CloudControlRecording.All());

    [Fact]
    public async Task CreateResource_DocumentedKinesisExample_SendsTheRecordedRequestAndReadsTheProgressEvent()
    {
        await using var aws = new RecordedAwsEndpoint();
        var recording = CloudControlRecording.Load("create-resource").ServeFrom(aws);
        var client = new CloudControlClient(RecordedContexts.For(aws));

        var progress = await client.CreateResourceAsync(new CreateResourceRequest("AWS::Kinesis::Stream",
            """{"Name":"ResourceExample","RetentionPeriodHours":168,"ShardCount":3}""") { ClientToken = "strata-create-0001" });

        recording.AssertMatches(Assert.Single(aws.Requests));
        Assert.Equal(CloudControlOperationStatus.InProgress, progress.OperationStatus);
        Assert.Equal(CloudControlOperation.Create, progress.Operation);
        Assert.Equal("AWS::Kinesis::Stream", progress.TypeName);
        Assert.Equal("ResourceExample", progress.Identifier);
        Assert.Equal("20999d87-e304-4725-ad84-832dcbfd7fc5", progress.RequestToken);
        Assert.Equal(Epoch(1632506656.706), progress.EventTime);
        Assert.Null(progress.ErrorCode);
    }

    [Fact]
    public async Task GetResourceRequestStatus_AlreadyExistsExample_ReadsFailureCodeAndMessage()
    {
        await using var aws = new RecordedAwsEndpoint();
        var recording = CloudControlRecording.Load("get-resource-request-status-already-exists").ServeFrom(aws);

        var progress = await new CloudControlClient(RecordedContexts.For(aws)).GetResourceRequestStatusAsync("e1a6b86e-46bd-41ac-bfba-001234567890");

        recording.AssertMatches(Assert.Single(aws.Requests));
        Assert.Equal(CloudControlOperationStatus.Failed, progress.OperationStatus);
        Assert.Equal("AlreadyExists", progress.ErrorCode);
        Assert.Equal("Resource of type 'AWS::Kinesis::Stream' with identifier 'Demo' already exists.", progress.StatusMessage);
        Assert.Equal("Demo", progress.Identifier);
    }

    [Fact]
    public async Task GetResourceRequestStatus_ThrottledRequest_ReadsRetryAfterAsAnAbsoluteTime()
    {
        await using var aws = new RecordedAwsEndpoint();
        CloudControlRecording.Load("get-resource-request-status-throttling").ServeFrom(aws);

        var progress = await new CloudControlClient(RecordedContexts.For(aws)).GetResourceRequestStatusAsync("e1a6b86e-46bd-41ac-bfba-001234567891");

        Assert.Equal("Throttling", progress.ErrorCode);
        Assert.Equal(Epoch(1632950298.481), progress.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(30), progress.RetryAfter - progress.EventTime);
    }

    [Fact]
    public async Task GetResource_DocumentedExample_ReturnsIdentifierAndPropertiesString()
    {
        await using var aws = new RecordedAwsEndpoint();
        var recording = CloudControlRecording.Load("get-resource").ServeFrom(aws);

        var response = await new CloudControlClient(RecordedContexts.For(aws)).GetResourceAsync(new GetResourceRequest("AWS::Kinesis::Stream", "ResourceExample"));

        recording.AssertMatches(Assert.Single(aws.Requests));
        Assert.Equal("ResourceExample", response.ResourceDescription.Identifier);
        var properties = JsonNode.Parse(response.ResourceDescription.Properties!)!;
        Assert.Equal(168, properties["RetentionPeriodHours"]!.GetValue<int>());
        Assert.Equal("arn:aws:kinesis:us-west-2:099908667365:stream/ResourceExample", properties["Arn"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateResource_PatchFromAGeneratedDiff_SendsTheDocumentedPatchDocument()
    {
        await using var aws = new RecordedAwsEndpoint();
        var recording = CloudControlRecording.Load("update-resource").ServeFrom(aws);
        var patch = JsonPatchGenerator.Diff(JsonNode.Parse("""{"LogGroupName":"ExampleLogGroup","RetentionInDays":30}"""),
            JsonNode.Parse("""{"LogGroupName":"ExampleLogGroup","RetentionInDays":90}"""));

        var progress = await new CloudControlClient(RecordedContexts.For(aws)).UpdateResourceAsync(
            new UpdateResourceRequest("AWS::Logs::LogGroup", "ExampleLogGroup", JsonPatchDocument.Serialize(patch)) { ClientToken = "strata-update-0001" });

        recording.AssertMatches(Assert.Single(aws.Requests));
        Assert.Equal(CloudControlOperation.Update, progress.Operation);
        Assert.Equal("5f40c577-3534-4b20-9599-0b0123456789", progress.RequestToken);
    }

    [Fact]
    public async Task DeleteResource_DocumentedExample_SendsIdentifierAndClientToken()
    {
        await using var aws = new RecordedAwsEndpoint();
        var recording = CloudControlRecording.Load("delete-resource").ServeFrom(aws);

        var progress = await new CloudControlClient(RecordedContexts.For(aws)).DeleteResourceAsync(
            new DeleteResourceRequest("AWS::Kinesis::Stream", "ResourceExample") { ClientToken = "strata-delete-0001" });

        recording.AssertMatches(Assert.Single(aws.Requests));
        Assert.Equal(CloudControlOperation.Delete, progress.Operation);
        Assert.Equal(CloudControlOperationStatus.InProgress, progress.OperationStatus);
    }

    [Fact]
    public async Task ListAllResources_TwoPages_FollowsNextTokenAndReturnsEveryResource()
    {
        await using var aws = new RecordedAwsEndpoint();
        var first = CloudControlRecording.Load("list-resources-first-page").ServeFrom(aws);
        CloudControlRecording.Load("list-resources").ServeFrom(aws);
        var client = new CloudControlClient(RecordedContexts.For(aws));

        var resources = new List<ResourceDescription>();
        await foreach (var resource in client.ListAllResourcesAsync(new ListResourcesRequest("AWS::Kinesis::Stream") { MaxResults = 1 }))
            resources.Add(resource);

        Assert.Equal(["FirstStream", "MyKinesisStream", "AnotherStream"], resources.Select(r => r.Identifier));
        first.AssertMatches(aws.Requests[0]);
        var second = JsonNode.Parse(aws.Requests[1].BodyText)!;
        Assert.Equal("AAEAAaNcUKU1kDlUQ2KoYHSV", second["NextToken"]!.GetValue<string>());
        Assert.Equal(1, second["MaxResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task CancelResourceRequest_RequestToken_ReadsCancelInProgress()
    {
        await using var aws = new RecordedAwsEndpoint();
        var recording = CloudControlRecording.Load("cancel-resource-request").ServeFrom(aws);

        var progress = await new CloudControlClient(RecordedContexts.For(aws)).CancelResourceRequestAsync("5f40c577-3534-4b20-9599-0b0123456789");

        recording.AssertMatches(Assert.Single(aws.Requests));
        Assert.Equal(CloudControlOperationStatus.CancelInProgress, progress.OperationStatus);
    }

    [Fact]
    public async Task CreateResource_AlreadyExistsException_ThrowsTheTypedAwsError()
    {
        await using var aws = new RecordedAwsEndpoint();
        CloudControlRecording.Load("create-resource-already-exists-exception").ServeFrom(aws);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new CloudControlClient(RecordedContexts.For(aws)).CreateResourceAsync(
            new CreateResourceRequest("AWS::Kinesis::Stream", """{"Name":"Demo"}""") { ClientToken = "strata-create-0003" }));

        Assert.Equal("AlreadyExistsException", error.Code);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal("CreateResource", error.Operation);
        Assert.Contains("with identifier 'Demo' already exists", error.ErrorMessage);
    }

    [Fact]
    public async Task CreateResource_NoClientTokenAndAThrottledFirstAttempt_RetriesWithTheSameGeneratedToken()
    {
        await using var aws = new RecordedAwsEndpoint();
        CloudControlRecording.Load("create-resource-throttling-exception").ServeFrom(aws);
        CloudControlRecording.Load("create-resource").ServeFrom(aws);
        var client = new CloudControlClient(RecordedContexts.For(aws, retry: RetryOptions.Default with { MaxAttempts = 3, BaseDelay = TimeSpan.Zero }));

        var progress = await client.CreateResourceAsync(new CreateResourceRequest("AWS::Kinesis::Stream", """{"Name":"ResourceExample"}"""));

        Assert.Equal(CloudControlOperationStatus.InProgress, progress.OperationStatus);
        Assert.Equal(2, aws.Requests.Count);
        var tokens = aws.Requests.Select(r => JsonNode.Parse(r.BodyText)!["ClientToken"]!.GetValue<string>()).ToList();
        Assert.Matches("^[-A-Za-z0-9+/=]{1,128}$", tokens[0]);
        Assert.Equal(tokens[0], tokens[1]);
        Assert.Equal(aws.Requests[0].BodyText, aws.Requests[1].BodyText);
    }

    [Fact]
    public async Task GetResourceRequestStatus_UnknownOperationStatus_ThrowsProtocolError()
    {
        await using var aws = new RecordedAwsEndpoint();
        aws.Respond("""{"ProgressEvent":{"OperationStatus":"SOMETHING_NEW","RequestToken":"t"}}""", contentType: "application/x-amz-json-1.0");

        var error = await Assert.ThrowsAsync<AwsProtocolException>(() => new CloudControlClient(RecordedContexts.For(aws)).GetResourceRequestStatusAsync("t"));

        Assert.Contains("SOMETHING_NEW", error.Message);
    }

    [Fact]
    public async Task GetResourceRequestStatus_IsoTimestamps_AreReadLikeEpochSeconds()
    {
        await using var aws = new RecordedAwsEndpoint();
        aws.Respond("""{"ProgressEvent":{"OperationStatus":"IN_PROGRESS","RequestToken":"t","EventTime":"2021-08-09T18:17:15.219Z","RetryAfter":1628533045.219}}""",
            contentType: "application/x-amz-json-1.0");

        var progress = await new CloudControlClient(RecordedContexts.For(aws)).GetResourceRequestStatusAsync("t");

        Assert.Equal(Epoch(1628533035.219), progress.EventTime);
        Assert.Equal(TimeSpan.FromSeconds(10), progress.RetryAfter - progress.EventTime);
    }
}
