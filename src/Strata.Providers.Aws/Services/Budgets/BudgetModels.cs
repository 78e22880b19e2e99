namespace Strata.Providers.Aws.Services.Budgets;

/// <summary>An amount of money (or usage) and its unit, e.g. 100 USD.</summary>
public sealed record Spend(decimal Amount, string Unit = "USD");

public sealed record BudgetTimePeriod(DateTimeOffset? Start, DateTimeOffset? End);

public sealed record CalculatedSpend(Spend? ActualSpend, Spend? ForecastedSpend);

public sealed record Budget
{
    public required string BudgetName { get; init; }
    public Spend? BudgetLimit { get; init; }

    /// <summary>DAILY, MONTHLY, QUARTERLY or ANNUALLY.</summary>
    public string TimeUnit { get; init; } = "MONTHLY";

    /// <summary>COST, USAGE, RI_UTILIZATION, RI_COVERAGE, SAVINGS_PLANS_UTILIZATION, SAVINGS_PLANS_COVERAGE.</summary>
    public string BudgetType { get; init; } = "COST";

    /// <summary>e.g. <c>TagKeyValue: ["user:strata:stack$web"]</c>, <c>Service: ["Amazon Elastic Compute Cloud - Compute"]</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> CostFilters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public BudgetTimePeriod? TimePeriod { get; init; }

    /// <summary>Filled in by AWS on describe.</summary>
    public CalculatedSpend? CalculatedSpend { get; init; }

    public DateTimeOffset? LastUpdatedTime { get; init; }

    /// <summary>
    /// A monthly cost budget for the resources carrying one tag value, as Strata tags them (cost allocation tags
    /// are filtered as <c>user:KEY$VALUE</c>; the tag must be activated for cost allocation in the account).
    /// </summary>
    public static Budget ForTag(string budgetName, decimal monthlyLimit, string tagKey, string tagValue, string unit = "USD") => new()
    {
        BudgetName = budgetName,
        BudgetLimit = new Spend(monthlyLimit, unit),
        CostFilters = new Dictionary<string, IReadOnlyList<string>> { ["TagKeyValue"] = [$"user:{tagKey}${tagValue}"] },
    };
}

/// <summary>When to notify: e.g. ACTUAL spend GREATER_THAN 80 PERCENTAGE of the limit.</summary>
public sealed record BudgetNotification(string NotificationType, string ComparisonOperator, double Threshold, string ThresholdType = "PERCENTAGE");

/// <summary>Who is notified: SubscriptionType EMAIL or SNS, and the address or topic ARN.</summary>
public sealed record BudgetSubscriber(string SubscriptionType, string Address);

public sealed record NotificationWithSubscribers(BudgetNotification Notification, IReadOnlyList<BudgetSubscriber> Subscribers);

public sealed record CreateBudgetRequest(string AccountId, Budget Budget)
{
    public IReadOnlyList<NotificationWithSubscribers> NotificationsWithSubscribers { get; init; } = [];
}

public sealed record DescribeBudgetsResponse(IReadOnlyList<Budget> Budgets, string? NextToken);
