using Strata.Providers.Sandbox.Lifecycle;
using Strata.Providers.Sandbox.Storage;

namespace Strata.Providers.Sandbox.Cost;

/// <summary>Integrates a stack's metered intervals over a period.</summary>
internal sealed class CostMeter(SandboxRuntime runtime)
{
    private const double MillisecondsPerHour = 3_600_000;

    public async Task<CostReport> ForStackAsync(string stackName, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (to < from)
        {
            throw new ArgumentException($"the period ends ({to:O}) before it starts ({from:O})", nameof(to));
        }
        // Operations and power changes that are due count from their due time; settle them first.
        await runtime.Database.WriteAsync((c, t) =>
        {
            OperationCompleter.SettleDue(c, t, runtime);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        var now = runtime.NowMs;
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var intervals = runtime.Database.Read(c => MeterTable.ForStack(c, stackName, fromMs, toMs), cancellationToken);
        var hourlyNow = runtime.Database.Read(c => MeterTable.OpenRate(c, stackName, now), cancellationToken);

        var lines = new List<CostLine>();
        foreach (var group in intervals.GroupBy(i => (i.LogicalId, i.Type, i.PhysicalId, i.Component)))
        {
            var hours = 0.0;
            var usd = 0.0;
            foreach (var interval in group)
            {
                // An open interval accrues up to now, never into the future.
                var end = Math.Min(interval.EndedAt ?? now, toMs);
                var start = Math.Max(interval.StartedAt, fromMs);
                var spanHours = Math.Max(0, end - start) / MillisecondsPerHour;
                hours += spanHours;
                usd += spanHours * interval.HourlyUsd;
            }
            var rate = group.Last().HourlyUsd;
            lines.Add(new CostLine(group.Key.LogicalId, group.Key.Type, group.Key.PhysicalId, group.Key.Component, rate, hours, usd));
        }
        return new CostReport(stackName, from, to, lines, hourlyNow);
    }
}
