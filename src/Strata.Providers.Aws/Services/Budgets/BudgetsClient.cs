using System.Globalization;
using System.Text.Json;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Services.Budgets;

/// <summary>AWS Budgets (JSON 1.1, <c>AWSBudgetServiceGateway.*</c>, a global service signed for us-east-1).</summary>
public sealed class BudgetsClient(AwsClientContext context)
{
    private readonly JsonProtocolClient _json = new(context, AwsServices.Budgets);

    public AwsServicePipeline Pipeline => _json.Pipeline;

    public async Task CreateBudgetAsync(CreateBudgetRequest request, CancellationToken cancellationToken = default)
    {
        using var _ = await _json.InvokeAsync("CreateBudget", w =>
        {
            w.WriteString("AccountId", request.AccountId);
            w.WritePropertyName("Budget");
            WriteBudget(w, request.Budget);
            if (request.NotificationsWithSubscribers.Count > 0)
            {
                w.WriteStartArray("NotificationsWithSubscribers");
                foreach (var item in request.NotificationsWithSubscribers) WriteNotification(w, item);
                w.WriteEndArray();
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Budget> DescribeBudgetAsync(string accountId, string budgetName, CancellationToken cancellationToken = default)
    {
        using var response = await _json.InvokeAsync("DescribeBudget", w =>
        {
            w.WriteString("AccountId", accountId);
            w.WriteString("BudgetName", budgetName);
        }, cancellationToken).ConfigureAwait(false);
        return response.RootElement.Member("Budget") is { } budget
            ? ReadBudget(budget)
            : throw new AwsProtocolException($"Budgets DescribeBudget for '{budgetName}' returned no Budget.");
    }

    public async Task<DescribeBudgetsResponse> DescribeBudgetsAsync(string accountId, int? maxResults = null, string? nextToken = null,
        CancellationToken cancellationToken = default)
    {
        using var response = await _json.InvokeAsync("DescribeBudgets", w =>
        {
            w.WriteString("AccountId", accountId);
            if (maxResults is { } max) w.WriteNumber("MaxResults", max);
            if (nextToken is not null) w.WriteString("NextToken", nextToken);
        }, cancellationToken).ConfigureAwait(false);
        var root = response.RootElement;
        return new DescribeBudgetsResponse(root.Array("Budgets").Select(ReadBudget).ToList(), root.NextToken("NextToken"));
    }

    public IAsyncEnumerable<Budget> DescribeAllBudgetsAsync(string accountId, int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paginator.ItemsAsync((token, ct) => DescribeBudgetsAsync(accountId, pageSize, token, ct), page => page.NextToken, page => page.Budgets,
            cancellationToken);

    public async Task DeleteBudgetAsync(string accountId, string budgetName, CancellationToken cancellationToken = default)
    {
        using var _ = await _json.InvokeAsync("DeleteBudget", w =>
        {
            w.WriteString("AccountId", accountId);
            w.WriteString("BudgetName", budgetName);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static void WriteBudget(Utf8JsonWriter w, Budget budget)
    {
        w.WriteStartObject();
        w.WriteString("BudgetName", budget.BudgetName);
        if (budget.BudgetLimit is { } limit)
        {
            w.WritePropertyName("BudgetLimit");
            WriteSpend(w, limit);
        }
        if (budget.CostFilters.Count > 0)
        {
            w.WriteStartObject("CostFilters");
            foreach (var (name, values) in budget.CostFilters)
            {
                w.WriteStartArray(name);
                foreach (var value in values) w.WriteStringValue(value);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteString("TimeUnit", budget.TimeUnit);
        if (budget.TimePeriod is { } period)
        {
            w.WriteStartObject("TimePeriod");
            if (period.Start is { } start) w.WriteNumber("Start", start.ToUnixTimeSeconds());
            if (period.End is { } end) w.WriteNumber("End", end.ToUnixTimeSeconds());
            w.WriteEndObject();
        }
        w.WriteString("BudgetType", budget.BudgetType);
        w.WriteEndObject();
    }

    private static void WriteNotification(Utf8JsonWriter w, NotificationWithSubscribers item)
    {
        w.WriteStartObject();
        w.WriteStartObject("Notification");
        w.WriteString("NotificationType", item.Notification.NotificationType);
        w.WriteString("ComparisonOperator", item.Notification.ComparisonOperator);
        w.WriteNumber("Threshold", item.Notification.Threshold);
        w.WriteString("ThresholdType", item.Notification.ThresholdType);
        w.WriteEndObject();
        w.WriteStartArray("Subscribers");
        foreach (var subscriber in item.Subscribers)
        {
            w.WriteStartObject();
            w.WriteString("SubscriptionType", subscriber.SubscriptionType);
            w.WriteString("Address", subscriber.Address);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // Budgets takes amounts as decimal strings ("100.5"), never as JSON numbers.
    private static void WriteSpend(Utf8JsonWriter w, Spend spend)
    {
        w.WriteStartObject();
        w.WriteString("Amount", spend.Amount.ToString(CultureInfo.InvariantCulture));
        w.WriteString("Unit", spend.Unit);
        w.WriteEndObject();
    }

    private static Budget ReadBudget(JsonElement e) => new()
    {
        BudgetName = e.Str("BudgetName") ?? "",
        BudgetLimit = ReadSpend(e.Member("BudgetLimit")),
        TimeUnit = e.Str("TimeUnit") ?? "",
        BudgetType = e.Str("BudgetType") ?? "",
        CostFilters = e.Member("CostFilters") is { ValueKind: JsonValueKind.Object } filters
            ? filters.EnumerateObject().ToDictionary(f => f.Name, f => (IReadOnlyList<string>)filters.Strings(f.Name))
            : new Dictionary<string, IReadOnlyList<string>>(),
        TimePeriod = e.Member("TimePeriod") is { } period ? new BudgetTimePeriod(period.Timestamp("Start"), period.Timestamp("End")) : null,
        CalculatedSpend = e.Member("CalculatedSpend") is { } spend
            ? new CalculatedSpend(ReadSpend(spend.Member("ActualSpend")), ReadSpend(spend.Member("ForecastedSpend")))
            : null,
        LastUpdatedTime = e.Timestamp("LastUpdatedTime"),
    };

    private static Spend? ReadSpend(JsonElement? e) =>
        e is { } spend && spend.Decimal("Amount") is { } amount ? new Spend(amount, spend.Str("Unit") ?? "") : null;
}
