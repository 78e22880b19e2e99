using Strata.Providers.Aws.CloudFormation;
using static Strata.Providers.Aws.Tests.CloudFormation.RecordedEventStreams;

namespace Strata.Providers.Aws.Tests.CloudFormation;

public sealed class RootCauseFinderTests
{
    [Fact]
    public void Find_FailedCreateWithCancelledSibling_ReturnsFirstGenuineFailureNotTheCancellation()
    {
        var cause = RootCauseFinder.Find(FailedCreate(), StackId, StackName);

        Assert.NotNull(cause);
        Assert.Equal("WebServer", cause.LogicalId);
        Assert.Equal("AWS::EC2::Instance", cause.Type);
        Assert.Equal("InvalidAMIID.NotFound", cause.ErrorCode);
        Assert.Equal(ClassicMessage, cause.Message);
    }

    [Fact]
    public void Find_AfterRollbackCompleted_StillNamesTheFailureNotTheRollbackDeletions()
    {
        var events = FailedCreate();
        Assert.Equal("ROLLBACK_COMPLETE", events[^1].ResourceStatus);

        var cause = RootCauseFinder.Find(RootCauseFinder.LatestOperation(events, StackId, StackName), StackId, StackName);

        Assert.Equal("WebServer", cause?.LogicalId);
    }

    [Fact]
    public void Find_UpdateWhoseRollbackFailedToo_ReturnsTheUpdateFailureWithHandlerErrorCode()
    {
        var cause = RootCauseFinder.Find(RootCauseFinder.LatestOperation(FailedUpdateRollback(), StackId, StackName), StackId, StackName);

        Assert.NotNull(cause);
        Assert.Equal(("Database", "AWS::RDS::DBInstance", "NotFound"), (cause.LogicalId, cause.Type, cause.ErrorCode));
        Assert.Equal(HandlerMessage, cause.Message);
    }

    [Fact]
    public void Find_OnlyCancellationsAndStackSummary_FallsBackToTheStackReason()
    {
        IReadOnlyList<Strata.Providers.Aws.Services.CloudFormation.StackEvent> events =
        [
            Stack("UPDATE_IN_PROGRESS", "User Initiated"),
            Resource("Queue", "AWS::SQS::Queue", "UPDATE_FAILED", "Resource update cancelled"),
            Stack("UPDATE_ROLLBACK_IN_PROGRESS", "Stack update cancelled"),
            Stack("UPDATE_ROLLBACK_COMPLETE"),
        ];

        var cause = RootCauseFinder.Find(events, StackId, StackName);

        Assert.NotNull(cause);
        Assert.Equal((StackName, "AWS::CloudFormation::Stack"), (cause.LogicalId, cause.Type));
        Assert.Equal("Stack update cancelled", cause.Message);
        Assert.Equal(RootCauseFinder.UnknownErrorCode, cause.ErrorCode);
    }

    [Fact]
    public void Find_NestedStackSummaryBeforeResourceFailure_PrefersTheResourceFailure()
    {
        IReadOnlyList<Strata.Providers.Aws.Services.CloudFormation.StackEvent> events =
        [
            Stack("CREATE_IN_PROGRESS", "User Initiated"),
            Resource("Network", "AWS::CloudFormation::Stack", "CREATE_FAILED",
                "Embedded stack arn:aws:cloudformation:us-east-1:123456789012:stack/SampleStack-Network-1/abc was not successfully created: " +
                "The following resource(s) failed to create: [Subnet].", "arn:aws:cloudformation:us-east-1:123456789012:stack/SampleStack-Network-1/abc"),
            Resource("Bucket", "AWS::S3::Bucket", "CREATE_FAILED", "strata-logs already exists"),
        ];

        Assert.Equal("Bucket", RootCauseFinder.Find(events, StackId, StackName)?.LogicalId);
        Assert.Equal("Network", RootCauseFinder.Find(events.Take(2).ToList(), StackId, StackName)?.LogicalId);
    }

    [Fact]
    public void LatestOperation_EarlierFailedUpdateThenSuccessfulUpdate_FindsNoRootCause()
    {
        var events = FailedUpdateRollback().Concat(
        [
            Stack("UPDATE_ROLLBACK_COMPLETE", null, 500),
            Stack("UPDATE_IN_PROGRESS", "User Initiated", 600),
            Resource("Queue", "AWS::SQS::Queue", "UPDATE_COMPLETE", null, "q", 610),
            Stack("UPDATE_COMPLETE", null, 611),
        ]).ToList();

        var latest = RootCauseFinder.LatestOperation(events, StackId, StackName);

        Assert.Equal("UPDATE_IN_PROGRESS", latest[0].ResourceStatus);
        Assert.Equal(3, latest.Count);
        Assert.Null(RootCauseFinder.Find(latest, StackId, StackName));
        Assert.Equal("Database", RootCauseFinder.Find(events, StackId, StackName)?.LogicalId);
    }

    [Theory]
    [InlineData(HandlerMessage, "NotFound")]
    [InlineData(ClassicMessage, "InvalidAMIID.NotFound")]
    [InlineData("strata-logs already exists", "Unknown")]
    [InlineData(null, "Unknown")]
    public void ErrorCode_ProviderMessages_ReadsTheCodeTheMessageCarries(string? reason, string expected) =>
        Assert.Equal(expected, RootCauseFinder.ErrorCode(reason));

    [Theory]
    [InlineData("Resource creation cancelled", true)]
    [InlineData("Resource update cancelled", true)]
    [InlineData("Resource handler returned message: \"Request cancelled by user\"", false)]
    public void IsCancellation_Reasons_OnlyCloudFormationsOwnCancellations(string reason, bool expected) =>
        Assert.Equal(expected, RootCauseFinder.IsCancellation(reason));
}
