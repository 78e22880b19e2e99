using Microsoft.Data.Sqlite;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Storage;

namespace Strata.Providers.Sandbox.Quotas;

/// <summary>Refuses a create (or an instance start) that would go over an account quota, naming the quota and its value.</summary>
internal sealed class QuotaChecker(IReadOnlyDictionary<string, int> overrides, string accountId)
{
    /// <summary>Throws <see cref="SandboxFault"/> (ServiceLimitExceeded) when one more resource would exceed the type's quota.</summary>
    public void EnsureRoom(SqliteConnection c, SqliteTransaction t, string typeName, string region, string? scope, int vcpus)
    {
        var quota = QuotaTable.For(typeName, overrides);
        if (quota is null)
        {
            return;
        }
        if (quota.Unit == QuotaUnit.Vcpus)
        {
            var running = ResourceTable.RunningVcpus(c, t, region);
            if (running + vcpus > quota.Value)
            {
                throw new SandboxFault(HandlerErrorCode.ServiceLimitExceeded,
                    $"You have requested more vCPU capacity than your current vCPU limit of {quota.Value} allows " +
                    $"(quota '{quota.Name}' = {quota.Value} vCPUs; {running} in use in {region}, {vcpus} requested)");
            }
            return;
        }
        var count = quota.Scope switch
        {
            QuotaScope.Account => c.ScalarLong(t, "SELECT COUNT(*) FROM resources WHERE type = $type", ("$type", typeName)),
            QuotaScope.Container => ResourceTable.Count(c, t, typeName, region, scope ?? ""),
            _ => ResourceTable.Count(c, t, typeName, region, null),
        };
        if (count + 1 > quota.Value)
        {
            var where = quota.Scope switch
            {
                QuotaScope.Account => $"account {accountId}",
                QuotaScope.Container => $"{scope}",
                _ => $"{region}",
            };
            throw new SandboxFault(HandlerErrorCode.ServiceLimitExceeded,
                $"The maximum number of {typeName} resources has been reached: quota '{quota.Name}' is {quota.Value} and {where} already has {count}");
        }
    }
}
