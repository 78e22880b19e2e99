using Microsoft.Data.Sqlite;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Faults;
using Strata.Providers.Sandbox.Storage;

namespace Strata.Providers.Sandbox.Lifecycle;

/// <summary>
/// Accepts a delete. As on EC2, a VPC, subnet, security group or internet gateway that other live
/// resources still use cannot be deleted (DependencyViolation, reported as ResourceConflict) — which is
/// what a wrong delete order, or a retained dependent, runs into on AWS.
/// </summary>
internal static class DeleteOperation
{
    private static readonly HashSet<string> GuardedTypes =
        ["AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::SecurityGroup", "AWS::EC2::InternetGateway"];

    public static ProgressEvent Start(SqliteConnection c, SqliteTransaction t, SandboxRuntime runtime, ResourceRequest request, FaultRules faults)
    {
        var physicalId = request.PhysicalId ?? throw new SandboxFault(HandlerErrorCode.InvalidRequest, "a delete needs the resource's physical id");
        var resource = ResourceTable.Find(c, t, request.TypeName, physicalId)
            ?? throw new SandboxFault(HandlerErrorCode.NotFound, $"{request.TypeName} '{physicalId}' does not exist");
        var running = OperationTable.InProgressFor(c, t, resource.Type, physicalId);
        switch (running?.Kind)
        {
            case OperationKind.Delete:
                // Already being deleted (another token): report that deletion.
                return EventFactory.For(c, t, running, runtime);
            case OperationKind.Update:
                throw new SandboxFault(HandlerErrorCode.ResourceConflict, $"{request.TypeName} '{physicalId}' cannot be deleted while it is being updated");
            case OperationKind.Create:
                // Deleting what is still being created abandons the create, as CloudFormation's rollback does.
                OperationTable.Finish(c, t, running.RequestToken, OperationStatus.Failed, HandlerErrorCode.NotStabilized,
                    "the create was abandoned because the resource is being deleted", runtime.NowMs);
                break;
        }
        if (GuardedTypes.Contains(resource.Type))
        {
            var dependents = ResourceTable.Referencing(c, t, physicalId);
            if (dependents.Count > 0)
            {
                var names = string.Join(", ", dependents.Take(3).Select(d => $"{d.Type} {d.PhysicalId} ({d.Stack}/{d.LogicalId})"));
                throw new SandboxFault(HandlerErrorCode.ResourceConflict,
                    $"DependencyViolation: {resource.Type} '{physicalId}' has dependencies and cannot be deleted: {names}");
            }
        }
        if (FaultDecision.Immediate(c, t, runtime, faults, OperationKind.Delete, request) is { } refused)
        {
            return refused;
        }

        var deleting = resource with { State = ResourceState.Deleting };
        ResourceTable.Replace(c, t, deleting);
        return OperationSchedule.Begin(c, t, runtime, faults, request, OperationKind.Delete, deleting,
            $"duration|delete|{resource.Type}|{physicalId}", runtime.NowMs, pending: null);
    }
}
