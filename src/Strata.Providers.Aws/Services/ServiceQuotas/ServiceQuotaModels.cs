namespace Strata.Providers.Aws.Services.ServiceQuotas;

/// <summary>The CloudWatch metric that measures usage against a quota.</summary>
public sealed record QuotaUsageMetric(string? MetricNamespace, string? MetricName, IReadOnlyDictionary<string, string> MetricDimensions,
    string? MetricStatisticRecommendation);

/// <summary>A rate quota's period (e.g. 1 SECOND).</summary>
public sealed record QuotaPeriod(int? PeriodValue, string? PeriodUnit);

/// <summary>Why Service Quotas could not give a value (e.g. DEPENDENCY_ACCESS_DENIED_ERROR).</summary>
public sealed record QuotaErrorReason(string? ErrorCode, string? ErrorMessage);

public sealed record ServiceQuota
{
    public string ServiceCode { get; init; } = "";
    public string? ServiceName { get; init; }
    public string QuotaCode { get; init; } = "";
    public string? QuotaName { get; init; }
    public string? QuotaArn { get; init; }

    /// <summary>The applied value (or the default, for the default-quota calls).</summary>
    public double? Value { get; init; }
    public string? Unit { get; init; }
    public bool Adjustable { get; init; }
    public bool GlobalQuota { get; init; }
    public QuotaUsageMetric? UsageMetric { get; init; }
    public QuotaPeriod? Period { get; init; }
    public QuotaErrorReason? ErrorReason { get; init; }
    public string? QuotaAppliedAtLevel { get; init; }
    public string? Description { get; init; }
}

public sealed record ListServiceQuotasRequest(string ServiceCode)
{
    public string? QuotaCode { get; init; }

    /// <summary>ACCOUNT, RESOURCE or ALL.</summary>
    public string? QuotaAppliedAtLevel { get; init; }
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
}

public sealed record ListServiceQuotasResponse(IReadOnlyList<ServiceQuota> Quotas, string? NextToken);
