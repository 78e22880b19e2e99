using Strata.Providers.Aws.Services.CloudFormation;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Services;

/// <summary>
/// Calls moto cannot answer (CancelUpdateStack, ContinueUpdateRollback, paged events, ValidateTemplate
/// parameters, change-set details), checked against responses shaped like AWS's documented examples.
/// </summary>
public sealed class CloudFormationRecordedExchangeTests
{
    private const string Ns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    [Fact]
    public async Task CancelUpdateStack_StackName_SendsSignedQueryRequest()
    {
        await using var aws = new RecordedAwsEndpoint().Respond($"""
            <CancelUpdateStackResponse xmlns="{Ns}">
              <ResponseMetadata><RequestId>5ccc7dcd-744c-11e5-be70-1b08c228efb3</RequestId></ResponseMetadata>
            </CancelUpdateStackResponse>
            """);

        await new CloudFormationClient(aws.Context()).CancelUpdateStackAsync(
            new CancelUpdateStackRequest("MyStack") { ClientRequestToken = "cancel-1" });

        var request = Assert.Single(aws.Requests);
        var form = RecordedAwsEndpoint.Form(request);
        Assert.Equal("POST", request.Method);
        Assert.Equal("CancelUpdateStack", form["Action"]);
        Assert.Equal("2010-05-15", form["Version"]);
        Assert.Equal("MyStack", form["StackName"]);
        Assert.Equal("cancel-1", form["ClientRequestToken"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDRECORDED/", request.Header("Authorization"));
        Assert.Contains("/us-east-1/cloudformation/aws4_request", request.Header("Authorization"));
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Header("Content-Type"));
    }

    [Fact]
    public async Task ContinueUpdateRollback_ResourcesToSkip_SendsThemAsMemberList()
    {
        await using var aws = new RecordedAwsEndpoint().Respond($"""
            <ContinueUpdateRollbackResponse xmlns="{Ns}">
              <ContinueUpdateRollbackResult/>
              <ResponseMetadata><RequestId>5ccc7dcd-744c-11e5-be70-1b08c228efb3</RequestId></ResponseMetadata>
            </ContinueUpdateRollbackResponse>
            """);

        await new CloudFormationClient(aws.Context()).ContinueUpdateRollbackAsync(new ContinueUpdateRollbackRequest("MyStack")
        {
            ResourcesToSkip = ["MyDBInstance", "NestedStack.MyQueue"],
            RoleArn = "arn:aws:iam::123456789012:role/cfn",
        });

        var form = RecordedAwsEndpoint.Form(Assert.Single(aws.Requests));
        Assert.Equal("ContinueUpdateRollback", form["Action"]);
        Assert.Equal("MyDBInstance", form["ResourcesToSkip.member.1"]);
        Assert.Equal("NestedStack.MyQueue", form["ResourcesToSkip.member.2"]);
        Assert.Equal("arn:aws:iam::123456789012:role/cfn", form["RoleARN"]);
    }

    [Fact]
    public async Task DescribeStackEventsSince_TwoPages_FollowsNextTokenAndReturnsOldestFirst()
    {
        await using var aws = new RecordedAwsEndpoint()
            .Respond(EventsPage("page-2-token", Event("Event-3-Id", "MyDBInstance", "AWS::RDS::DBInstance", "CREATE_FAILED", "2010-07-27T22:28:28Z", "DB quota exceeded"),
                Event("Event-2-Id", "MyDBInstance", "AWS::RDS::DBInstance", "CREATE_IN_PROGRESS", "2010-07-27T22:27:28Z", null)))
            .Respond(EventsPage(null, Event("Event-1-Id", "MyStack", "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "2010-07-27T22:26:28Z", "User initiated")));
        var cfn = new CloudFormationClient(aws.Context());

        var events = await cfn.DescribeStackEventsSinceAsync("MyStack", lastSeenEventId: null);

        Assert.Equal(["Event-1-Id", "Event-2-Id", "Event-3-Id"], events.Select(e => e.EventId));
        Assert.Equal("DB quota exceeded", events[2].ResourceStatusReason);
        Assert.Equal(new DateTimeOffset(2010, 7, 27, 22, 28, 28, TimeSpan.Zero), events[2].Timestamp);
        Assert.Equal("AWS::RDS::DBInstance", events[2].ResourceType);
        Assert.False(RecordedAwsEndpoint.Form(aws.Requests[0]).ContainsKey("NextToken"));
        Assert.Equal("page-2-token", RecordedAwsEndpoint.Form(aws.Requests[1])["NextToken"]);
    }

    [Fact]
    public async Task DescribeStackEventsSince_LastSeenOnFirstPage_StopsWithoutReadingFurtherPages()
    {
        await using var aws = new RecordedAwsEndpoint()
            .Respond(EventsPage("page-2-token", Event("Event-3-Id", "MyDBInstance", "AWS::RDS::DBInstance", "CREATE_FAILED", "2010-07-27T22:28:28Z", "failed"),
                Event("Event-2-Id", "MyDBInstance", "AWS::RDS::DBInstance", "CREATE_IN_PROGRESS", "2010-07-27T22:27:28Z", null)));

        var events = await new CloudFormationClient(aws.Context()).DescribeStackEventsSinceAsync("MyStack", "Event-2-Id");

        Assert.Equal(["Event-3-Id"], events.Select(e => e.EventId));
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task ValidateTemplate_DocumentedResponse_ReadsParametersWithDefaultsAndNoEcho()
    {
        await using var aws = new RecordedAwsEndpoint().Respond($"""
            <ValidateTemplateResponse xmlns="{Ns}">
              <ValidateTemplateResult>
                <Description></Description>
                <Parameters>
                  <member><NoEcho>false</NoEcho><ParameterKey>InstanceType</ParameterKey>
                    <Description>Type of instance to launch</Description><DefaultValue>m1.small</DefaultValue></member>
                  <member><NoEcho>true</NoEcho><ParameterKey>DbPassword</ParameterKey><Description>Database password</Description></member>
                </Parameters>
                <Capabilities><member>CAPABILITY_IAM</member></Capabilities>
                <CapabilitiesReason>The following resource(s) require capabilities: [AWS::IAM::Role]</CapabilitiesReason>
              </ValidateTemplateResult>
              <ResponseMetadata><RequestId>0be7b6e8-e4a0-11e0-a5bd-9f8d5a7dbc91</RequestId></ResponseMetadata>
            </ValidateTemplateResponse>
            """);

        var result = await new CloudFormationClient(aws.Context()).ValidateTemplateAsync(
            ValidateTemplateRequest.FromUrl("https://s3.amazonaws.com/bucket/template.yaml"));

        Assert.Equal("https://s3.amazonaws.com/bucket/template.yaml", RecordedAwsEndpoint.Form(aws.Requests[0])["TemplateURL"]);
        Assert.Equal(2, result.Parameters.Count);
        Assert.Equal("m1.small", result.Parameters[0].DefaultValue);
        Assert.False(result.Parameters[0].NoEcho);
        Assert.True(result.Parameters[1].NoEcho);
        Assert.Null(result.Parameters[1].DefaultValue);
        Assert.Equal([Capabilities.Iam], result.Capabilities);
        Assert.Contains("AWS::IAM::Role", result.CapabilitiesReason);
    }

    [Fact]
    public async Task DescribeChangeSet_DocumentedResponse_ReadsReplacementScopeAndDetails()
    {
        await using var aws = new RecordedAwsEndpoint().Respond($"""
            <DescribeChangeSetResponse xmlns="{Ns}">
              <DescribeChangeSetResult>
                <StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/SampleStack/1a2345b6-0000-00a0-a123-00abc0abc000</StackId>
                <Status>CREATE_COMPLETE</Status>
                <ChangeSetName>SampleChangeSet-direct</ChangeSetName>
                <ExecutionStatus>AVAILABLE</ExecutionStatus>
                <Parameters>
                  <member><ParameterValue>testing</ParameterValue><ParameterKey>Purpose</ParameterKey></member>
                </Parameters>
                <ChangeSetId>arn:aws:cloudformation:us-east-1:123456789012:changeSet/SampleChangeSet-direct/1a2345b6-0000-00a0-a123-00abc0abc000</ChangeSetId>
                <Changes>
                  <member>
                    <ResourceChange>
                      <Replacement>True</Replacement>
                      <Action>Modify</Action>
                      <Scope><member>Properties</member></Scope>
                      <LogicalResourceId>MyEC2Instance</LogicalResourceId>
                      <PhysicalResourceId>i-1abc23d4</PhysicalResourceId>
                      <ResourceType>AWS::EC2::Instance</ResourceType>
                      <Details>
                        <member>
                          <Evaluation>Static</Evaluation>
                          <ChangeSource>DirectModification</ChangeSource>
                          <Target><Attribute>Properties</Attribute><Name>ImageId</Name><RequiresRecreation>Always</RequiresRecreation></Target>
                        </member>
                      </Details>
                    </ResourceChange>
                    <Type>Resource</Type>
                  </member>
                </Changes>
                <StackName>SampleStack</StackName>
                <CreationTime>2016-03-17T23:35:25.813Z</CreationTime>
              </DescribeChangeSetResult>
              <ResponseMetadata><RequestId>5ccc7dcd-744c-11e5-be70-1b08c228efb3</RequestId></ResponseMetadata>
            </DescribeChangeSetResponse>
            """);

        var changeSet = await new CloudFormationClient(aws.Context()).DescribeChangeSetAllChangesAsync("SampleChangeSet-direct", "SampleStack");

        var change = Assert.Single(changeSet.Changes);
        Assert.Equal(("Modify", "True", "i-1abc23d4"), (change.Action, change.Replacement, change.PhysicalResourceId));
        Assert.Equal(["Properties"], change.Scope);
        var detail = Assert.Single(change.Details);
        Assert.Equal(("ImageId", "Always", "DirectModification"), (detail.TargetName, detail.RequiresRecreation, detail.ChangeSource));
        Assert.Equal("AVAILABLE", changeSet.ExecutionStatus);
        Assert.Equal("testing", changeSet.Parameters.Single().Value);
    }

    private static string EventsPage(string? nextToken, params string[] events) => $"""
        <DescribeStackEventsResponse xmlns="{Ns}">
          <DescribeStackEventsResult>
            <StackEvents>{string.Concat(events)}</StackEvents>
            {(nextToken is null ? "" : $"<NextToken>{nextToken}</NextToken>")}
          </DescribeStackEventsResult>
          <ResponseMetadata><RequestId>e5d5a9ea-a413-11df-adb3-5081b3858e83</RequestId></ResponseMetadata>
        </DescribeStackEventsResponse>
        """;

    private static string Event(string id, string logicalId, string type, string status, string timestamp, string? reason) => $"""
        <member>
          <EventId>{id}</EventId>
          <StackId>arn:aws:cloudformation:us-east-1:123456789:stack/MyStack/aaf549a0-a413-11df-adb3-5081b3858e83</StackId>
          <StackName>MyStack</StackName>
          <LogicalResourceId>{logicalId}</LogicalResourceId>
          <PhysicalResourceId>MyStack_One</PhysicalResourceId>
          <ResourceType>{type}</ResourceType>
          <Timestamp>{timestamp}</Timestamp>
          <ResourceStatus>{status}</ResourceStatus>
          {(reason is null ? "" : $"<ResourceStatusReason>{reason}</ResourceStatusReason>")}
        </member>
        """;
}
