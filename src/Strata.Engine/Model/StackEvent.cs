namespace Strata.Engine.Model;

/// <summary>
/// One append-only entry of a stack's history, with CloudFormation's fields. Stack-level events carry the
/// stack name as logical id, the stack id as physical id and the type <c>AWS::CloudFormation::Stack</c>.
/// </summary>
public sealed record StackEvent(
    long Sequence,
    string EventId,
    string StackId,
    string StackName,
    DateTimeOffset Timestamp,
    string LogicalId,
    string? PhysicalId,
    string ResourceType,
    string Status,
    string? Reason);
