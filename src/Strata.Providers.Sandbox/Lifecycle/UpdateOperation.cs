using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Cost;
using Strata.Providers.Sandbox.Faults;
using Strata.Providers.Sandbox.Power;
using Strata.Providers.Sandbox.Quotas;
using Strata.Providers.Sandbox.Storage;
using Strata.Templates.Spec;

namespace Strata.Providers.Sandbox.Lifecycle;

/// <summary>
/// Accepts an in-place update. A change to a property the spec marks as requiring replacement is refused
/// with NotUpdatable, as Cloud Control does: replacing is the engine's job (create new, delete old).
/// Generated attributes (ids, ARNs, addresses) are kept; the new properties replace the old ones.
/// </summary>
internal static class UpdateOperation
{
    public static ProgressEvent Start(SqliteConnection c, SqliteTransaction t, SandboxRuntime runtime, ResourceRequest request, ResourceTypeSpec spec, FaultRules faults)
    {
        var physicalId = request.PhysicalId ?? throw new SandboxFault(HandlerErrorCode.InvalidRequest, "an update needs the resource's physical id");
        var resource = ResourceTable.Find(c, t, request.TypeName, physicalId)
            ?? throw new SandboxFault(HandlerErrorCode.NotFound, $"{request.TypeName} '{physicalId}' does not exist");
        if (resource.State != ResourceState.Available)
        {
            throw new SandboxFault(HandlerErrorCode.ResourceConflict,
                $"{request.TypeName} '{physicalId}' cannot be updated while it is {resource.State.ToString().ToLowerInvariant()}");
        }
        foreach (var property in spec.Properties.Values.Where(p => p.Replacement == Replacement.Immutable))
        {
            if (!JsonNode.DeepEquals(resource.Properties[property.Name], request.DesiredState[property.Name]))
            {
                throw new SandboxFault(HandlerErrorCode.NotUpdatable,
                    $"property '{property.Name}' of {request.TypeName} cannot be updated in place; changing it requires replacement");
            }
        }
        if (FaultDecision.Immediate(c, t, runtime, faults, OperationKind.Update, request) is { } refused)
        {
            return refused;
        }

        var vcpus = resource.Type == PowerTypes.Instance ? Ec2InstanceTypes.Resolve(JsonValues.ScalarText(request.DesiredState["InstanceType"])).Vcpus : 0;
        if (vcpus > resource.Vcpus && resource.Power is not PowerState.Stopped)
        {
            runtime.Quotas.EnsureRoom(c, t, resource.Type, resource.Region, resource.Scope, vcpus - resource.Vcpus);
        }

        var updating = resource with { State = ResourceState.Updating };
        ResourceTable.Replace(c, t, updating);
        var pending = new JsonObject
        {
            ["properties"] = request.DesiredState.DeepClone(),
            ["model"] = MergeModel(resource, request.DesiredState),
            ["vcpus"] = resource.Type == PowerTypes.Instance ? vcpus : resource.Vcpus,
        };
        return OperationSchedule.Begin(c, t, runtime, faults, request, OperationKind.Update, updating,
            $"duration|update|{resource.Type}|{physicalId}|{request.ClientToken}", runtime.NowMs, pending);
    }

    /// <summary>The old model without the old properties, plus the new properties: generated values survive.</summary>
    private static JsonObject MergeModel(ResourceRecord resource, JsonObject desired)
    {
        var model = (JsonObject)resource.Model.DeepClone();
        foreach (var (name, _) in resource.Properties)
        {
            model.Remove(name);
        }
        foreach (var (name, value) in desired)
        {
            model[name] = value?.DeepClone();
        }
        return model;
    }
}
