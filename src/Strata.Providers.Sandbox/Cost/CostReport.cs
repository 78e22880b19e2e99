namespace Strata.Providers.Sandbox.Cost;

/// <summary>What one cost component of one resource accrued over the report's period.</summary>
public sealed record CostLine(string LogicalId, string TypeName, string PhysicalId, string Component, double HourlyUsd, double Hours, double Usd);

/// <summary>The cost a stack accrued between two times, by resource and component.</summary>
/// <param name="HourlyRateNow">What the stack is accruing per hour at the time of the report.</param>
public sealed record CostReport(string StackName, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<CostLine> Lines, double HourlyRateNow)
{
    public double TotalUsd => Lines.Sum(l => l.Usd);
}
