using System.Text;
using System.Text.Json.Nodes;
using Strata.Providers.Aws.Services.CostExplorer;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Services;

/// <summary>
/// Cost Explorer against moto. moto tracks no spending; its own API queues the results GetCostAndUsage answers
/// with (POST /moto-api/static/ce/cost-and-usage-results), so each test queues exactly what it then asks for.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class CostExplorerAgainstMotoTests(MotoServerFixture moto)
{
    private static readonly DateInterval January = new(new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1));

    private async Task QueueResultAsync(JsonObject result)
    {
        using var http = new HttpClient();
        // A string body has a Content-Length; moto's web server does not read chunked request bodies.
        using var content = new StringContent(new JsonObject { ["results"] = new JsonArray(result) }.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(moto.Endpoint, "/moto-api/static/ce/cost-and-usage-results"), content);
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task GetCostByTag_QueuedGroups_ReturnsTheCostOfEachTagValueAndTheUntaggedRest()
    {
        var tagKey = "strata:stack-" + Guid.NewGuid().ToString("N")[..6];
        await QueueResultAsync(JsonNode.Parse("""
            {"GroupDefinitions":[{"Type":"TAG","Key":"TAGKEY"}],
             "ResultsByTime":[{"TimePeriod":{"Start":"2024-01-01","End":"2024-02-01"},"Total":{},"Estimated":true,
               "Groups":[{"Keys":["TAGKEY$web"],"Metrics":{"UnblendedCost":{"Amount":"12.5","Unit":"USD"}}},
                         {"Keys":["TAGKEY$db"],"Metrics":{"UnblendedCost":{"Amount":"40.3543773134","Unit":"USD"}}},
                         {"Keys":["TAGKEY$"],"Metrics":{"UnblendedCost":{"Amount":"3","Unit":"USD"}}}]}]}
            """.Replace("TAGKEY", tagKey))!.AsObject());
        var client = new CostExplorerClient(moto.CreateContext());

        var costs = await client.GetCostByTagAsync(tagKey, January);

        Assert.Equal(["web", "db", null], costs.Select(c => c.TagValue));
        Assert.Equal([12.5m, 40.3543773134m, 3m], costs.Select(c => c.Amount));
        Assert.All(costs, c => Assert.Equal("USD", c.Unit));
        Assert.All(costs, c => Assert.Equal(January, c.TimePeriod));
        Assert.All(costs, c => Assert.True(c.Estimated));
    }

    [Fact]
    public async Task GetCostAndUsage_NothingQueued_ReturnsNoResults()
    {
        var client = new CostExplorerClient(moto.CreateContext());

        var response = await client.GetCostAndUsageAsync(new GetCostAndUsageRequest(January, Granularity.Daily, ["BlendedCost"])
        {
            GroupBy = [GroupDefinition.Tag("strata:unqueued-" + Guid.NewGuid().ToString("N")[..6])],
        });

        Assert.Empty(response.ResultsByTime);
        Assert.Null(response.NextPageToken);
    }
}

/// <summary>
/// The request Strata sends and paging, against the AWS CLI reference's documented example
/// (awscli/examples/ce/get-cost-and-usage.rst), which moto cannot show: it answers whatever was queued.
/// </summary>
public sealed class CostExplorerRecordedTests
{
    private const string JsonType = "application/x-amz-json-1.1";

    [Fact]
    public async Task GetCostAndUsage_DocumentedExample_SendsTheDocumentedRequestAndReadsGroups()
    {
        await using var aws = new RecordedAwsEndpoint().Respond("""
            {"GroupDefinitions":[{"Type":"DIMENSION","Key":"SERVICE"},{"Type":"TAG","Key":"Environment"}],
             "ResultsByTime":[{"Estimated":false,"TimePeriod":{"Start":"2017-09-01","End":"2017-10-01"},"Total":{},
               "Groups":[{"Keys":["Amazon Simple Storage Service","Environment$"],
                          "Metrics":{"BlendedCost":{"Amount":"40.3527508453","Unit":"USD"},"UnblendedCost":{"Amount":"40.3543773134","Unit":"USD"},
                                     "UsageQuantity":{"Amount":"9312771.098461578","Unit":"N/A"}}},
                         {"Keys":["Amazon Simple Storage Service","Environment$Dev"],
                          "Metrics":{"BlendedCost":{"Amount":"0.2682364644","Unit":"USD"},"UnblendedCost":{"Amount":"0.2682364644","Unit":"USD"},
                                     "UsageQuantity":{"Amount":"22403.4395271182","Unit":"N/A"}}}]}]}
            """, contentType: JsonType);
        var client = new CostExplorerClient(aws.Context("eu-central-1"));

        var response = await client.GetCostAndUsageAsync(new GetCostAndUsageRequest(
            new DateInterval(new DateOnly(2017, 9, 1), new DateOnly(2017, 10, 1)), Granularity.Monthly, ["BlendedCost", "UnblendedCost", "UsageQuantity"])
        {
            GroupBy = [GroupDefinition.Dimension("SERVICE"), GroupDefinition.Tag("Environment")],
            Filter = CostExpression.Dimension("SERVICE", "Amazon Simple Storage Service"),
        });

        var request = Assert.Single(aws.Requests);
        Assert.Equal("AWSInsightsIndexService.GetCostAndUsage", request.Header("X-Amz-Target"));
        Assert.Contains("/us-east-1/ce/aws4_request", request.Header("Authorization"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"TimePeriod":{"Start":"2017-09-01","End":"2017-10-01"},"Granularity":"MONTHLY","Metrics":["BlendedCost","UnblendedCost","UsageQuantity"],
             "GroupBy":[{"Type":"DIMENSION","Key":"SERVICE"},{"Type":"TAG","Key":"Environment"}],
             "Filter":{"Dimensions":{"Key":"SERVICE","Values":["Amazon Simple Storage Service"]}}}
            """), JsonNode.Parse(request.BodyText)), request.BodyText);
        var groups = Assert.Single(response.ResultsByTime).Groups;
        Assert.Equal(["Amazon Simple Storage Service", "Environment$Dev"], groups[1].Keys);
        Assert.Equal(40.3543773134m, groups[0].Metrics["UnblendedCost"].Amount);
        Assert.Equal("N/A", groups[0].Metrics["UsageQuantity"].Unit);
        Assert.Equal(2, response.GroupDefinitions.Count);
    }

    [Fact]
    public async Task GetCostByTag_TwoPagesAndAFilter_FollowsNextPageToken()
    {
        static string Page(string start, string end, string value, string amount, string? next)
        {
            var page = new JsonObject
            {
                ["ResultsByTime"] = new JsonArray(new JsonObject
                {
                    ["TimePeriod"] = new JsonObject { ["Start"] = start, ["End"] = end },
                    ["Total"] = new JsonObject(),
                    ["Estimated"] = false,
                    ["Groups"] = new JsonArray(new JsonObject
                    {
                        ["Keys"] = new JsonArray("strata:stack$" + value),
                        ["Metrics"] = new JsonObject { ["UnblendedCost"] = new JsonObject { ["Amount"] = amount, ["Unit"] = "USD" } },
                    }),
                }),
            };
            if (next is not null) page["NextPageToken"] = next;
            return page.ToJsonString();
        }
        await using var aws = new RecordedAwsEndpoint()
            .Respond(Page("2024-01-01", "2024-01-02", "web", "1.25", "next-1"), contentType: JsonType)
            .Respond(Page("2024-01-02", "2024-01-03", "web", "2.5", null), contentType: JsonType);

        var costs = await new CostExplorerClient(aws.Context()).GetCostByTagAsync("strata:stack",
            new DateInterval(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 3)), Granularity.Daily,
            filter: new CostExpression { Not = CostExpression.Tag("strata:tenant", "internal") });

        Assert.Equal([1.25m, 2.5m], costs.Select(c => c.Amount));
        Assert.Equal(new DateOnly(2024, 1, 2), costs[1].TimePeriod.Start);
        var first = JsonNode.Parse(aws.Requests[0].BodyText)!;
        Assert.Equal("""{"Not":{"Tags":{"Key":"strata:tenant","Values":["internal"]}}}""", first["Filter"]!.ToJsonString());
        Assert.Equal("""[{"Type":"TAG","Key":"strata:stack"}]""", first["GroupBy"]!.ToJsonString());
        Assert.Equal("next-1", JsonNode.Parse(aws.Requests[1].BodyText)!["NextPageToken"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("strata:stack$web", "strata:stack", "web")]
    [InlineData("strata:stack$", "strata:stack", null)]
    [InlineData("strata:stack$a$b", "strata:stack", "a$b")]
    public void TagValue_GroupKey_IsTheValueAfterTheKey(string groupKey, string tagKey, string? expected)
    {
        Assert.Equal(expected, CostExplorerClient.TagValue(groupKey, tagKey));
    }
}
