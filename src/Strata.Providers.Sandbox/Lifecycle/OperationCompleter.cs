using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Power;
using Strata.Providers.Sandbox.Storage;

namespace Strata.Providers.Sandbox.Lifecycle;

/// <summary>
/// Finishes operations whose time has come, applying their effect on the cloud as of their due time
/// (not the time someone noticed), so cost and power history are exact however late the poll comes —
/// including from another process or after a restart.
/// </summary>
internal static class OperationCompleter
{
    /// <summary>Completes every due operation and power transition.</summary>
    public static void SettleDue(SqliteConnection c, SqliteTransaction t, SandboxRuntime runtime)
    {
        var now = runtime.NowMs;
        foreach (var operation in OperationTable.Due(c, t, now))
        {
            Complete(c, t, operation);
        }
        foreach (var resource in ResourceTable.PowerTransitionsDue(c, t, now))
        {
            PowerTransitions.Finish(c, t, runtime, resource);
        }
    }

    /// <summary>Completes one operation if it is due; returns its record as it stands afterwards.</summary>
    public static OperationRecord CompleteIfDue(SqliteConnection c, SqliteTransaction t, OperationRecord operation, long now)
    {
        if (operation.Status != OperationStatus.InProgress || operation.DueAt is not { } due || due > now)
        {
            return operation;
        }
        Complete(c, t, operation);
        return OperationTable.Find(c, t, operation.RequestToken)!;
    }

    private static void Complete(SqliteConnection c, SqliteTransaction t, OperationRecord operation)
    {
        var at = operation.DueAt!.Value;
        var failed = operation.ErrorCode is not null;
        if (!OperationTable.Finish(c, t, operation.RequestToken,
                failed ? OperationStatus.Failed : OperationStatus.Success, operation.ErrorCode, operation.Message, at))
        {
            return;
        }
        var resource = ResourceTable.Find(c, t, operation.Type, operation.PhysicalId);
        if (resource is null)
        {
            return;
        }
        switch (operation.Kind)
        {
            case OperationKind.Create when failed:
                Remove(c, t, resource, at);
                break;
            case OperationKind.Create:
                var created = resource with
                {
                    State = ResourceState.Available,
                    Power = PowerTypes.IsPowered(resource.Type) ? PowerState.Running : null,
                };
                ResourceTable.Replace(c, t, created);
                Metering.Start(c, t, created, at);
                break;
            case OperationKind.Update when !failed && operation.Pending is { } pending:
                var updated = resource with
                {
                    State = ResourceState.Available,
                    Properties = (JsonObject)pending["properties"]!.DeepClone(),
                    Model = (JsonObject)pending["model"]!.DeepClone(),
                    Vcpus = pending["vcpus"]?.GetValue<int>() ?? resource.Vcpus,
                };
                ResourceTable.Replace(c, t, updated);
                // Rates may have changed (a bigger instance type): close the old intervals, open new ones.
                Metering.StopAll(c, t, resource, at);
                Metering.Start(c, t, updated, at);
                break;
            case OperationKind.Delete when !failed:
                Remove(c, t, resource, at);
                break;
            default:
                ResourceTable.Replace(c, t, resource with { State = ResourceState.Available });
                break;
        }
    }

    /// <summary>Takes a resource out of the cloud: its row, its addresses, its open cost intervals.</summary>
    public static void Remove(SqliteConnection c, SqliteTransaction t, ResourceRecord resource, long at)
    {
        Metering.StopAll(c, t, resource, at);
        AddressTable.Release(c, t, resource.Type, resource.PhysicalId);
        ResourceTable.Delete(c, t, resource.Type, resource.PhysicalId);
    }
}
