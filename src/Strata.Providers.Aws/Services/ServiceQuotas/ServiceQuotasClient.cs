using System.Text.Json;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Services.ServiceQuotas;

/// <summary>
/// AWS Service Quotas (JSON 1.1, <c>ServiceQuotasV20190624.*</c>): the applied quotas of the account (what the
/// pre-flight compares a template's needs with) and AWS's defaults.
/// </summary>
public sealed class ServiceQuotasClient(AwsClientContext context)
{
    private readonly JsonProtocolClient _json = new(context, AwsServices.ServiceQuotas);

    public AwsServicePipeline Pipeline => _json.Pipeline;

    /// <summary>The quota as applied to this account (raised limits included).</summary>
    public Task<ServiceQuota> GetServiceQuotaAsync(string serviceCode, string quotaCode, CancellationToken cancellationToken = default) =>
        GetAsync("GetServiceQuota", serviceCode, quotaCode, cancellationToken);

    /// <summary>AWS's default for the quota, whatever this account was granted.</summary>
    public Task<ServiceQuota> GetAwsDefaultServiceQuotaAsync(string serviceCode, string quotaCode, CancellationToken cancellationToken = default) =>
        GetAsync("GetAWSDefaultServiceQuota", serviceCode, quotaCode, cancellationToken);

    public Task<ListServiceQuotasResponse> ListServiceQuotasAsync(ListServiceQuotasRequest request, CancellationToken cancellationToken = default) =>
        ListAsync("ListServiceQuotas", request, cancellationToken);

    public Task<ListServiceQuotasResponse> ListAwsDefaultServiceQuotasAsync(ListServiceQuotasRequest request, CancellationToken cancellationToken = default) =>
        ListAsync("ListAWSDefaultServiceQuotas", request, cancellationToken);

    /// <summary>Every applied quota of the service, following NextToken.</summary>
    public IAsyncEnumerable<ServiceQuota> ListAllServiceQuotasAsync(ListServiceQuotasRequest request, CancellationToken cancellationToken = default) =>
        Paginator.ItemsAsync((token, ct) => ListServiceQuotasAsync(request with { NextToken = token }, ct),
            page => page.NextToken, page => page.Quotas, cancellationToken);

    public IAsyncEnumerable<ServiceQuota> ListAllAwsDefaultServiceQuotasAsync(ListServiceQuotasRequest request, CancellationToken cancellationToken = default) =>
        Paginator.ItemsAsync((token, ct) => ListAwsDefaultServiceQuotasAsync(request with { NextToken = token }, ct),
            page => page.NextToken, page => page.Quotas, cancellationToken);

    private async Task<ServiceQuota> GetAsync(string operation, string serviceCode, string quotaCode, CancellationToken cancellationToken)
    {
        using var response = await _json.InvokeAsync(operation, w =>
        {
            w.WriteString("ServiceCode", serviceCode);
            w.WriteString("QuotaCode", quotaCode);
        }, cancellationToken).ConfigureAwait(false);
        return response.RootElement.Member("Quota") is { } quota
            ? Quota(quota)
            : throw new AwsProtocolException($"Service Quotas {operation} for {serviceCode}/{quotaCode} returned no Quota.");
    }

    private async Task<ListServiceQuotasResponse> ListAsync(string operation, ListServiceQuotasRequest request, CancellationToken cancellationToken)
    {
        using var response = await _json.InvokeAsync(operation, w =>
        {
            w.WriteString("ServiceCode", request.ServiceCode);
            if (request.QuotaCode is not null) w.WriteString("QuotaCode", request.QuotaCode);
            if (request.QuotaAppliedAtLevel is not null) w.WriteString("QuotaAppliedAtLevel", request.QuotaAppliedAtLevel);
            if (request.MaxResults is { } max) w.WriteNumber("MaxResults", max);
            if (request.NextToken is not null) w.WriteString("NextToken", request.NextToken);
        }, cancellationToken).ConfigureAwait(false);
        var root = response.RootElement;
        return new ListServiceQuotasResponse(root.Array("Quotas").Select(Quota).ToList(), root.NextToken("NextToken"));
    }

    internal static ServiceQuota Quota(JsonElement e) => new()
    {
        ServiceCode = e.Str("ServiceCode") ?? "",
        ServiceName = e.Str("ServiceName"),
        QuotaCode = e.Str("QuotaCode") ?? "",
        QuotaName = e.Str("QuotaName"),
        QuotaArn = e.Str("QuotaArn"),
        Value = e.Double("Value"),
        Unit = e.Str("Unit"),
        Adjustable = e.Bool("Adjustable") ?? false,
        GlobalQuota = e.Bool("GlobalQuota") ?? false,
        UsageMetric = e.Member("UsageMetric") is { } m
            ? new QuotaUsageMetric(m.Str("MetricNamespace"), m.Str("MetricName"), m.StringMap("MetricDimensions"), m.Str("MetricStatisticRecommendation"))
            : null,
        Period = e.Member("Period") is { } p ? new QuotaPeriod(p.Int("PeriodValue"), p.Str("PeriodUnit")) : null,
        ErrorReason = e.Member("ErrorReason") is { } r ? new QuotaErrorReason(r.Str("ErrorCode"), r.Str("ErrorMessage")) : null,
        QuotaAppliedAtLevel = e.Str("QuotaAppliedAtLevel"),
        Description = e.Str("Description"),
    };
}
