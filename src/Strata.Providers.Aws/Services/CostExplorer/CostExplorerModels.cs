namespace Strata.Providers.Aws.Services.CostExplorer;

/// <summary>A half-open date range: <see cref="Start"/> included, <see cref="End"/> excluded.</summary>
public sealed record DateInterval(DateOnly Start, DateOnly End);

/// <summary>DAILY, MONTHLY or HOURLY.</summary>
public static class Granularity
{
    public const string Daily = "DAILY";
    public const string Monthly = "MONTHLY";
    public const string Hourly = "HOURLY";
}

/// <summary>Group results by a DIMENSION (SERVICE, LINKED_ACCOUNT, ...), a TAG key or a COST_CATEGORY.</summary>
public sealed record GroupDefinition(string Type, string Key)
{
    public static GroupDefinition Tag(string key) => new("TAG", key);
    public static GroupDefinition Dimension(string key) => new("DIMENSION", key);
}

/// <summary>Values of one dimension, tag key or cost category for a filter.</summary>
/// <param name="MatchOptions">EQUALS, ABSENT, STARTS_WITH, ENDS_WITH, CONTAINS, CASE_SENSITIVE, CASE_INSENSITIVE, GREATER_THAN_OR_EQUAL.</param>
public sealed record KeyValues(string Key, IReadOnlyList<string> Values, IReadOnlyList<string>? MatchOptions = null);

/// <summary>Cost Explorer's filter expression: exactly one of the members is set.</summary>
public sealed record CostExpression
{
    public KeyValues? Dimensions { get; init; }
    public KeyValues? Tags { get; init; }
    public KeyValues? CostCategories { get; init; }
    public IReadOnlyList<CostExpression>? And { get; init; }
    public IReadOnlyList<CostExpression>? Or { get; init; }
    public CostExpression? Not { get; init; }

    public static CostExpression Tag(string key, params string[] values) => new() { Tags = new KeyValues(key, values) };
    public static CostExpression Dimension(string key, params string[] values) => new() { Dimensions = new KeyValues(key, values) };
}

public sealed record GetCostAndUsageRequest(DateInterval TimePeriod, string Granularity, IReadOnlyList<string> Metrics)
{
    public IReadOnlyList<GroupDefinition> GroupBy { get; init; } = [];
    public CostExpression? Filter { get; init; }
    public string? NextPageToken { get; init; }
}

/// <summary>An amount of a metric, e.g. 40.35 USD.</summary>
public sealed record MetricValue(decimal Amount, string? Unit);

public sealed record CostGroup(IReadOnlyList<string> Keys, IReadOnlyDictionary<string, MetricValue> Metrics);

public sealed record ResultByTime(DateInterval TimePeriod, IReadOnlyDictionary<string, MetricValue> Total, IReadOnlyList<CostGroup> Groups, bool Estimated);

public sealed record GetCostAndUsageResponse(IReadOnlyList<ResultByTime> ResultsByTime, IReadOnlyList<GroupDefinition> GroupDefinitions, string? NextPageToken);

/// <summary>The cost of one tag value in one period. <see cref="TagValue"/> is null for spending without the tag.</summary>
public sealed record TagCost(string TagKey, string? TagValue, DateInterval TimePeriod, decimal Amount, string? Unit, bool Estimated);
