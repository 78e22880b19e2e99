namespace Strata.Providers.Sandbox.Cost;

/// <summary>One priced part of a resource (compute, storage, a public address…).</summary>
/// <param name="StopsWithPower">Whether it stops accruing while the instance or database is stopped (compute does, storage does not).</param>
public sealed record CostComponent(string Name, double HourlyUsd, bool StopsWithPower, string Basis);

/// <summary>What a resource costs per hour at list prices, by component.</summary>
/// <param name="Priced">False when the type is not in the price list (its cost is unknown, not zero).</param>
public sealed record CostEstimate(string TypeName, IReadOnlyList<CostComponent> Components, bool Priced)
{
    public const double HoursPerMonth = 730;

    public double HourlyUsd => Components.Sum(c => c.HourlyUsd);

    public double MonthlyUsd => HourlyUsd * HoursPerMonth;

    public static CostEstimate Unpriced(string typeName) => new(typeName, [], Priced: false);

    /// <summary>A type whose cost depends on usage (requests, storage used), not on its existence.</summary>
    public static CostEstimate UsageBased(string typeName) => new(typeName, [], Priced: true);
}
