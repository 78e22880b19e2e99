using Microsoft.Data.Sqlite;
using Strata.Providers.Sandbox.Lifecycle;
using Strata.Providers.Sandbox.Storage;

namespace Strata.Providers.Sandbox.Power;

/// <summary>Start, stop and power queries on instances and databases, by physical id.</summary>
internal sealed class PowerController(SandboxRuntime runtime)
{
    public Task<PowerStatus> StopAsync(string physicalId, CancellationToken cancellationToken) =>
        ChangeAsync(physicalId, stop: true, cancellationToken);

    public Task<PowerStatus> StartAsync(string physicalId, CancellationToken cancellationToken) =>
        ChangeAsync(physicalId, stop: false, cancellationToken);

    public Task<PowerStatus> GetAsync(string physicalId, CancellationToken cancellationToken) =>
        runtime.Database.WriteAsync((c, t) =>
        {
            OperationCompleter.SettleDue(c, t, runtime);
            return Status(Find(c, t, physicalId));
        }, cancellationToken);

    private Task<PowerStatus> ChangeAsync(string physicalId, bool stop, CancellationToken cancellationToken) =>
        runtime.Database.WriteAsync((c, t) =>
        {
            OperationCompleter.SettleDue(c, t, runtime);
            var resource = Find(c, t, physicalId);
            if (resource.State != ResourceState.Available || resource.Power is not { } power)
            {
                throw new SandboxPowerException(
                    $"{resource.Type} '{physicalId}' cannot be {(stop ? "stopped" : "started")} while it is {resource.State.ToString().ToLowerInvariant()}");
            }
            var target = stop ? PowerState.Stopped : PowerState.Running;
            var transitional = stop ? PowerState.Stopping : PowerState.Pending;
            if (power == target || power == transitional)
            {
                return Status(resource);
            }
            if (power is PowerState.Pending or PowerState.Stopping)
            {
                throw new SandboxPowerException(
                    $"IncorrectInstanceState: {resource.Type} '{physicalId}' is {PowerNames.For(resource.Type, power)} and cannot be {(stop ? "stopped" : "started")} until that finishes");
            }
            try
            {
                var changed = stop
                    ? PowerTransitions.BeginStop(c, t, runtime, resource)
                    : PowerTransitions.BeginStart(c, t, runtime, resource);
                if (changed.PowerReadyAt <= runtime.NowMs)
                {
                    changed = PowerTransitions.Finish(c, t, runtime, changed);
                }
                return Status(changed);
            }
            catch (SandboxFault fault)
            {
                throw new SandboxPowerException(fault.Message);
            }
        }, cancellationToken);

    private static ResourceRecord Find(SqliteConnection c, SqliteTransaction t, string physicalId)
    {
        var resource = ResourceTable.Find(c, t, PowerTypes.Instance, physicalId) ?? ResourceTable.Find(c, t, PowerTypes.Database, physicalId);
        if (resource is not null)
        {
            return resource;
        }
        var other = ResourceTable.FindById(c, t, physicalId);
        throw new SandboxPowerException(other is null
            ? $"no instance or database '{physicalId}' exists in the sandbox"
            : $"{other.Type} '{physicalId}' has no power state (only {PowerTypes.Instance} and {PowerTypes.Database} can be started and stopped)");
    }

    private static PowerStatus Status(ResourceRecord resource) => new(
        resource.Type, resource.PhysicalId, resource.Stack, resource.LogicalId,
        resource.Power ?? PowerState.Pending,
        resource.PowerReadyAt is { } ready ? SandboxRuntime.FromMs(ready) : null);
}
