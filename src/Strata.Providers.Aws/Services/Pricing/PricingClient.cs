using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Services.Pricing;

/// <summary>
/// The AWS Price List Query API (JSON 1.1, <c>AWSPriceListService.*</c>). Its endpoint is in us-east-1 whatever
/// region is being priced; the region to price is a filter (<c>regionCode</c>).
/// </summary>
public sealed class PricingClient(AwsClientContext context)
{
    private const string Currency = "USD";
    private readonly JsonProtocolClient _json = new(context, AwsServices.Pricing);

    public AwsServicePipeline Pipeline => _json.Pipeline;

    public async Task<GetProductsResponse> GetProductsAsync(GetProductsRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await _json.InvokeAsync("GetProducts", w =>
        {
            w.WriteString("ServiceCode", request.ServiceCode);
            if (request.Filters.Count > 0)
            {
                w.WriteStartArray("Filters");
                foreach (var filter in request.Filters)
                {
                    w.WriteStartObject();
                    w.WriteString("Type", filter.Type);
                    w.WriteString("Field", filter.Field);
                    w.WriteString("Value", filter.Value);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteString("FormatVersion", request.FormatVersion);
            if (request.MaxResults is { } max) w.WriteNumber("MaxResults", max);
            if (request.NextToken is not null) w.WriteString("NextToken", request.NextToken);
        }, cancellationToken).ConfigureAwait(false);
        var root = response.RootElement;
        return new GetProductsResponse(root.Str("FormatVersion"), root.Strings("PriceList"), root.NextToken("NextToken"));
    }

    /// <summary>Every matching product, parsed, following NextToken.</summary>
    public async IAsyncEnumerable<PricedProduct> GetAllProductsAsync(GetProductsRequest request,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in Paginator.ItemsAsync((token, ct) => GetProductsAsync(request with { NextToken = token }, ct),
                           page => page.NextToken, page => page.PriceList, cancellationToken).ConfigureAwait(false))
            yield return PriceListParser.Parse(entry);
    }

    /// <summary>
    /// The on-demand hourly price of an EC2 instance type in a region, or null when no product matches (an unknown
    /// type, or one not offered there). When the filters still match several products, the first priced per hour wins.
    /// </summary>
    public async Task<Ec2OnDemandPrice?> GetEc2OnDemandHourlyPriceAsync(Ec2PriceQuery query, CancellationToken cancellationToken = default)
    {
        var request = new GetProductsRequest("AmazonEC2")
        {
            Filters =
            [
                new PricingFilter("instanceType", query.InstanceType),
                new PricingFilter("regionCode", query.RegionCode),
                new PricingFilter("operatingSystem", query.OperatingSystem),
                new PricingFilter("tenancy", query.Tenancy),
                new PricingFilter("preInstalledSw", query.PreInstalledSoftware),
                new PricingFilter("capacitystatus", query.CapacityStatus),
                new PricingFilter("licenseModel", query.LicenseModel),
            ],
            MaxResults = 10,
        };
        await foreach (var product in GetAllProductsAsync(request, cancellationToken).ConfigureAwait(false))
        {
            var hourly = product.OnDemand.SelectMany(t => t.PriceDimensions)
                .FirstOrDefault(d => d.Unit is "Hrs" or "Hours" && d.PricePerUnit.ContainsKey(Currency));
            if (hourly is not null)
                return new Ec2OnDemandPrice(query.InstanceType, query.RegionCode, hourly.PricePerUnit[Currency], Currency, product.Sku, hourly.Description);
        }
        return null;
    }
}
