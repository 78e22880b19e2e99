namespace Strata.Engine.Providers;

/// <summary>The state of one provider operation, as in the CloudFormation resource handler contract.</summary>
public enum OperationStatus
{
    InProgress,
    Success,
    Failed,
}
