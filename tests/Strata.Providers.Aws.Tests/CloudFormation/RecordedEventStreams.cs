using CfnEvent = Strata.Providers.Aws.Services.CloudFormation.StackEvent;

namespace Strata.Providers.Aws.Tests.CloudFormation;

/// <summary>
/// Event logs shaped as CloudFormation writes them (AWS's DescribeStackEvents reference and the user guide's
/// "Understand stack creation events"), oldest first: resource events with their providers' reasons, cancellations
/// of resources still in flight, and the stack-level summaries.
/// </summary>
public static class RecordedEventStreams
{
    public const string StackName = "SampleStack";
    public const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/SampleStack/12a3b456-0e10-4ce0-9052-5d484a8c4e5b";

    /// <summary>A handler-based provider's message (Cloud Control style), ending with its HandlerErrorCode.</summary>
    public const string HandlerMessage =
        "Resource handler returned message: \"The specified subnet group does not exist (Service: Rds, Status Code: 404, " +
        "Request ID: 9f1a4c3e-2f6d-4a57-9c1d-3a0f9b1d2e77)\" (RequestToken: 6b2e0f4c-1a7d-0b2c-5e3f-8a9d1c0b7e6f, HandlerErrorCode: NotFound)";

    /// <summary>A classic provider's message quoting the service's error code.</summary>
    public const string ClassicMessage =
        "The image id '[ami-0abcdef1234567890]' does not exist (Service: AmazonEC2; Status Code: 400; Error Code: InvalidAMIID.NotFound; " +
        "Request ID: 5e0c7a2b-7b2e-4c3f-9a71-0d1e2f3a4b5c)";

    private static int _sequence;

    public static CfnEvent Stack(string status, string? reason = null, int second = 0) =>
        Event(StackName, "AWS::CloudFormation::Stack", status, reason, StackId, second);

    public static CfnEvent Resource(string logicalId, string type, string status, string? reason = null, string? physicalId = null, int second = 0) =>
        Event(logicalId, type, status, reason, physicalId, second);

    private static CfnEvent Event(string logicalId, string type, string status, string? reason, string? physicalId, int second) => new()
    {
        EventId = $"{logicalId}-{status}-{Interlocked.Increment(ref _sequence)}",
        StackId = StackId,
        StackName = StackName,
        LogicalResourceId = logicalId,
        PhysicalResourceId = physicalId,
        ResourceType = type,
        Timestamp = new DateTimeOffset(2024, 5, 6, 10, 0, 0, TimeSpan.Zero).AddSeconds(second),
        ResourceStatus = status,
        ResourceStatusReason = reason,
    };

    /// <summary>
    /// A create where the instance fails, the database still in flight is cancelled (logged in the same second,
    /// before the real failure), and the stack rolls back to ROLLBACK_COMPLETE.
    /// </summary>
    public static IReadOnlyList<CfnEvent> FailedCreate() =>
    [
        Stack("CREATE_IN_PROGRESS", "User Initiated", 0),
        Resource("Vpc", "AWS::EC2::VPC", "CREATE_IN_PROGRESS", null, null, 2),
        Resource("Vpc", "AWS::EC2::VPC", "CREATE_COMPLETE", null, "vpc-0a1b2c3d", 20),
        Resource("Database", "AWS::RDS::DBInstance", "CREATE_IN_PROGRESS", null, null, 21),
        Resource("WebServer", "AWS::EC2::Instance", "CREATE_IN_PROGRESS", null, null, 21),
        Resource("Database", "AWS::RDS::DBInstance", "CREATE_FAILED", "Resource creation cancelled", "strata-db", 25),
        Resource("WebServer", "AWS::EC2::Instance", "CREATE_FAILED", ClassicMessage, null, 25),
        Stack("ROLLBACK_IN_PROGRESS", "The following resource(s) failed to create: [Database, WebServer]. Rollback requested by user.", 26),
        Resource("WebServer", "AWS::EC2::Instance", "DELETE_COMPLETE", null, null, 30),
        Resource("Database", "AWS::RDS::DBInstance", "DELETE_COMPLETE", null, "strata-db", 60),
        Resource("Vpc", "AWS::EC2::VPC", "DELETE_COMPLETE", null, "vpc-0a1b2c3d", 70),
        Stack("ROLLBACK_COMPLETE", null, 71),
    ];

    /// <summary>An update that fails, with a rollback that fails too (UPDATE_ROLLBACK_FAILED).</summary>
    public static IReadOnlyList<CfnEvent> FailedUpdateRollback() =>
    [
        Stack("CREATE_IN_PROGRESS", "User Initiated", 0),
        Resource("Database", "AWS::RDS::DBInstance", "CREATE_COMPLETE", null, "strata-db", 300),
        Stack("CREATE_COMPLETE", null, 301),
        Stack("UPDATE_IN_PROGRESS", "User Initiated", 400),
        Resource("Queue", "AWS::SQS::Queue", "UPDATE_IN_PROGRESS", null, "https://sqs.us-east-1.amazonaws.com/123456789012/q", 401),
        Resource("Database", "AWS::RDS::DBInstance", "UPDATE_IN_PROGRESS", null, "strata-db", 401),
        Resource("Database", "AWS::RDS::DBInstance", "UPDATE_FAILED", HandlerMessage, "strata-db", 410),
        Resource("Queue", "AWS::SQS::Queue", "UPDATE_FAILED", "Resource update cancelled", "https://sqs.us-east-1.amazonaws.com/123456789012/q", 410),
        Stack("UPDATE_ROLLBACK_IN_PROGRESS", "The following resource(s) failed to update: [Database].", 411),
        Resource("Database", "AWS::RDS::DBInstance", "UPDATE_FAILED", "Resource handler returned message: \"Cannot modify a stopped instance\" (RequestToken: 1, HandlerErrorCode: InvalidRequest)", "strata-db", 420),
        Stack("UPDATE_ROLLBACK_FAILED", "The following resource(s) failed to update: [Database].", 421),
    ];
}
