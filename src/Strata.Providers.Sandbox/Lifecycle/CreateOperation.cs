using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Faults;
using Strata.Providers.Sandbox.Identity;
using Strata.Providers.Sandbox.Power;
using Strata.Providers.Sandbox.Storage;
using Strata.Templates.Spec;

namespace Strata.Providers.Sandbox.Lifecycle;

/// <summary>Accepts a create: identity, quota, outcome and due time, stored in one transaction.</summary>
internal static class CreateOperation
{
    public static ProgressEvent Start(SqliteConnection c, SqliteTransaction t, SandboxRuntime runtime, ResourceRequest request, ResourceTypeSpec spec, FaultRules faults)
    {
        if (FaultDecision.Immediate(c, t, runtime, faults, OperationKind.Create, request) is { } refused)
        {
            return refused;
        }
        var region = string.IsNullOrEmpty(request.Region) ? runtime.Settings.Region : request.Region;
        var created = IdentityBuilder.Build(c, t, runtime, request, spec, region);
        var physicalId = created.PhysicalId!;
        runtime.Quotas.EnsureRoom(c, t, request.TypeName, region, created.Scope, created.Vcpus);

        var now = runtime.NowMs;
        var random = new DeterministicRandom(runtime.Seed, $"duration|{request.TypeName}|{request.StackName}|{request.LogicalId}|{physicalId}");
        var ending = FaultDecision.AtEnd(c, t, faults, OperationKind.Create, request);
        long? due = faults.HangsOn(OperationKind.Create)
            ? null
            : now + runtime.DurationMs(request.TypeName, OperationKind.Create, faults.CreateSeconds, random);

        ResourceTable.Insert(c, t, new ResourceRecord
        {
            Type = request.TypeName,
            PhysicalId = physicalId,
            Region = region,
            Stack = request.StackName,
            LogicalId = request.LogicalId,
            State = ResourceState.Creating,
            Properties = (JsonObject)request.DesiredState.DeepClone(),
            Model = created.Model,
            Scope = created.Scope,
            Power = PowerTypes.IsPowered(request.TypeName) ? PowerState.Pending : null,
            Vcpus = created.Vcpus,
            CreatedAt = now,
        });
        var operation = new OperationRecord
        {
            RequestToken = NewRequestToken(),
            ClientToken = request.ClientToken,
            Kind = OperationKind.Create,
            Type = request.TypeName,
            PhysicalId = physicalId,
            Stack = request.StackName,
            LogicalId = request.LogicalId,
            StartedAt = now,
            DueAt = due,
            Status = OperationStatus.InProgress,
            ErrorCode = ending?.Code,
            Message = ending?.Message,
            Pending = new JsonObject { ["model"] = created.Model.DeepClone() },
        };
        OperationTable.Insert(c, t, operation);
        operation = OperationCompleter.CompleteIfDue(c, t, operation, now);
        return EventFactory.For(c, t, operation, runtime);
    }

    public static string NewRequestToken() => Guid.NewGuid().ToString("N");
}
