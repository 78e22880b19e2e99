using System.Globalization;
using System.Text.Json;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Services.CostExplorer;

/// <summary>
/// AWS Cost Explorer (JSON 1.1, <c>AWSInsightsIndexService.*</c>, served from us-east-1): what was spent, grouped by
/// the tags Strata puts on everything it creates (<c>strata:stack</c>, <c>strata:tenant</c>).
/// </summary>
public sealed class CostExplorerClient(AwsClientContext context)
{
    private readonly JsonProtocolClient _json = new(context, AwsServices.CostExplorer);

    public AwsServicePipeline Pipeline => _json.Pipeline;

    public async Task<GetCostAndUsageResponse> GetCostAndUsageAsync(GetCostAndUsageRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await _json.InvokeAsync("GetCostAndUsage", w =>
        {
            w.WriteStartObject("TimePeriod");
            w.WriteString("Start", Date(request.TimePeriod.Start));
            w.WriteString("End", Date(request.TimePeriod.End));
            w.WriteEndObject();
            w.WriteString("Granularity", request.Granularity);
            w.WriteStartArray("Metrics");
            foreach (var metric in request.Metrics) w.WriteStringValue(metric);
            w.WriteEndArray();
            if (request.GroupBy.Count > 0)
            {
                w.WriteStartArray("GroupBy");
                foreach (var group in request.GroupBy)
                {
                    w.WriteStartObject();
                    w.WriteString("Type", group.Type);
                    w.WriteString("Key", group.Key);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            if (request.Filter is not null)
            {
                w.WritePropertyName("Filter");
                WriteExpression(w, request.Filter);
            }
            if (request.NextPageToken is not null) w.WriteString("NextPageToken", request.NextPageToken);
        }, cancellationToken).ConfigureAwait(false);
        var root = response.RootElement;
        return new GetCostAndUsageResponse(
            root.Array("ResultsByTime").Select(ResultByTime).ToList(),
            root.Array("GroupDefinitions").Select(g => new GroupDefinition(g.Str("Type") ?? "", g.Str("Key") ?? "")).ToList(),
            root.NextToken("NextPageToken"));
    }

    /// <summary>
    /// The cost per value of <paramref name="tagKey"/> per period, over every page. Cost Explorer names a tag group
    /// <c>key$value</c>, and <c>key$</c> for spending without the tag, which comes back with a null value.
    /// </summary>
    public async Task<IReadOnlyList<TagCost>> GetCostByTagAsync(string tagKey, DateInterval period, string granularity = Granularity.Monthly,
        string metric = "UnblendedCost", CostExpression? filter = null, CancellationToken cancellationToken = default)
    {
        var request = new GetCostAndUsageRequest(period, granularity, [metric]) { GroupBy = [GroupDefinition.Tag(tagKey)], Filter = filter };
        var costs = new List<TagCost>();
        await foreach (var page in Paginator.PagesAsync((token, ct) => GetCostAndUsageAsync(request with { NextPageToken = token }, ct),
                           page => page.NextPageToken, cancellationToken).ConfigureAwait(false))
        {
            foreach (var result in page.ResultsByTime)
            foreach (var group in result.Groups)
            {
                if (group.Keys.Count == 0 || !group.Metrics.TryGetValue(metric, out var value)) continue;
                costs.Add(new TagCost(tagKey, TagValue(group.Keys[0], tagKey), result.TimePeriod, value.Amount, value.Unit, result.Estimated));
            }
        }
        return costs;
    }

    /// <summary><c>strata:stack$web</c> to <c>web</c>; <c>strata:stack$</c> to null.</summary>
    public static string? TagValue(string groupKey, string tagKey)
    {
        var value = groupKey.StartsWith(tagKey + "$", StringComparison.Ordinal) ? groupKey[(tagKey.Length + 1)..]
            : groupKey.IndexOf('$') is var dollar and >= 0 ? groupKey[(dollar + 1)..]
            : groupKey;
        return value.Length == 0 ? null : value;
    }

    private static ResultByTime ResultByTime(JsonElement e)
    {
        var period = e.Member("TimePeriod");
        return new ResultByTime(
            new DateInterval(ParseDate(period?.Str("Start")), ParseDate(period?.Str("End"))),
            Metrics(e, "Total"),
            e.Array("Groups").Select(g => new CostGroup(g.Strings("Keys"), Metrics(g, "Metrics"))).ToList(),
            e.Bool("Estimated") ?? false);
    }

    private static IReadOnlyDictionary<string, MetricValue> Metrics(JsonElement e, string name) =>
        e.Member(name) is { ValueKind: JsonValueKind.Object } metrics
            ? metrics.EnumerateObject().ToDictionary(m => m.Name, m => new MetricValue(m.Value.Decimal("Amount") ?? 0m, m.Value.Str("Unit")))
            : new Dictionary<string, MetricValue>();

    private static void WriteExpression(Utf8JsonWriter w, CostExpression expression)
    {
        w.WriteStartObject();
        WriteKeyValues(w, "Dimensions", expression.Dimensions);
        WriteKeyValues(w, "Tags", expression.Tags);
        WriteKeyValues(w, "CostCategories", expression.CostCategories);
        WriteExpressions(w, "And", expression.And);
        WriteExpressions(w, "Or", expression.Or);
        if (expression.Not is not null)
        {
            w.WritePropertyName("Not");
            WriteExpression(w, expression.Not);
        }
        w.WriteEndObject();
    }

    private static void WriteExpressions(Utf8JsonWriter w, string name, IReadOnlyList<CostExpression>? expressions)
    {
        if (expressions is null) return;
        w.WriteStartArray(name);
        foreach (var expression in expressions) WriteExpression(w, expression);
        w.WriteEndArray();
    }

    private static void WriteKeyValues(Utf8JsonWriter w, string name, KeyValues? values)
    {
        if (values is null) return;
        w.WriteStartObject(name);
        w.WriteString("Key", values.Key);
        w.WriteStartArray("Values");
        foreach (var value in values.Values) w.WriteStringValue(value);
        w.WriteEndArray();
        if (values.MatchOptions is { Count: > 0 } options)
        {
            w.WriteStartArray("MatchOptions");
            foreach (var option in options) w.WriteStringValue(option);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string? text) =>
        DateOnly.TryParse(text?.Length >= 10 ? text[..10] : text, CultureInfo.InvariantCulture, out var date)
            ? date
            : throw new AwsProtocolException($"Cost Explorer returned a time period date '{text}' that is not yyyy-MM-dd.");
}
