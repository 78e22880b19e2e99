using Microsoft.Data.Sqlite;
using Strata.Providers.Sandbox.Cost;
using Strata.Providers.Sandbox.Power;
using Strata.Providers.Sandbox.Storage;

namespace Strata.Providers.Sandbox.Lifecycle;

/// <summary>Opens and closes a resource's cost intervals as it is created, powered, changed and deleted.</summary>
internal static class Metering
{
    /// <summary>Starts accruing every component that accrues in the resource's current power state.</summary>
    public static void Start(SqliteConnection c, SqliteTransaction t, ResourceRecord resource, long at, bool poweredComponentsOnly = false)
    {
        var estimate = PriceList.Estimate(resource.Type, resource.Properties, resource.Model);
        var running = resource.Power is null or PowerState.Running;
        foreach (var component in estimate.Components)
        {
            if (component.HourlyUsd <= 0 || (component.StopsWithPower && !running) || (poweredComponentsOnly && !component.StopsWithPower))
            {
                continue;
            }
            MeterTable.Open(c, t, new MeterInterval(resource.Stack, resource.LogicalId, resource.Type, resource.PhysicalId,
                component.Name, component.HourlyUsd, at, null));
        }
    }

    /// <summary>Stops the components that stop with power (compute, public address).</summary>
    public static void StopPowered(SqliteConnection c, SqliteTransaction t, ResourceRecord resource, long at)
    {
        var powered = PriceList.Estimate(resource.Type, resource.Properties, resource.Model).Components
            .Where(component => component.StopsWithPower).Select(component => component.Name).ToArray();
        if (powered.Length > 0)
        {
            MeterTable.Close(c, t, resource.Type, resource.PhysicalId, at, powered);
        }
    }

    public static void StopAll(SqliteConnection c, SqliteTransaction t, ResourceRecord resource, long at) =>
        MeterTable.Close(c, t, resource.Type, resource.PhysicalId, at);
}
