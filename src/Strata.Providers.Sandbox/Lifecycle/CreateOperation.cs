using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Faults;
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
        if (faults.Data is { } data && SandboxProvider.IsCustom(request.TypeName))
        {
            // The simulated handler's response: what Fn::GetAtt reads from a custom resource.
            foreach (var (name, value) in data)
            {
                created.Model[name] = value?.DeepClone();
            }
        }
        runtime.Quotas.EnsureRoom(c, t, request.TypeName, region, created.Scope, created.Vcpus);

        var now = runtime.NowMs;
        var resource = new ResourceRecord
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
        };
        ResourceTable.Insert(c, t, resource);
        return OperationSchedule.Begin(c, t, runtime, faults, request, OperationKind.Create, resource,
            $"duration|{request.TypeName}|{request.StackName}|{request.LogicalId}|{physicalId}", now,
            new JsonObject { ["model"] = created.Model.DeepClone() });
    }
}
