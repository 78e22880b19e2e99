using System.Globalization;
using System.Text.Json;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Services.Pricing;

/// <summary>
/// Reads one entry of the AWS Price List (format aws_v1): <c>{"product":{"sku","productFamily","attributes"},
/// "terms":{"OnDemand":{"SKU.TERM":{"priceDimensions":{"SKU.TERM.RATE":{"unit","pricePerUnit":{"USD":"0.0104"}}}}}}}</c>.
/// </summary>
public static class PriceListParser
{
    public static PricedProduct Parse(string priceListEntry)
    {
        try
        {
            using var document = JsonDocument.Parse(priceListEntry);
            var root = document.RootElement;
            var product = root.Member("product") ?? throw new AwsProtocolException("A Price List entry has no 'product'.");
            var terms = root.Member("terms");
            return new PricedProduct(
                product.Str("sku") ?? throw new AwsProtocolException("A Price List product has no 'sku'."),
                product.Str("productFamily"),
                product.StringMap("attributes"),
                Terms(terms, "OnDemand"),
                Terms(terms, "Reserved"));
        }
        catch (JsonException e)
        {
            throw new AwsProtocolException($"A Price List entry is not valid JSON: {e.Message}", e);
        }
    }

    private static IReadOnlyList<PriceTerm> Terms(JsonElement? terms, string kind) =>
        terms?.Member(kind) is { ValueKind: JsonValueKind.Object } byCode
            ? byCode.EnumerateObject().Select(t => new PriceTerm(
                t.Value.Str("offerTermCode") ?? t.Name,
                t.Value.Str("effectiveDate"),
                t.Value.Member("priceDimensions") is { ValueKind: JsonValueKind.Object } dimensions
                    ? dimensions.EnumerateObject().Select(d => Dimension(d.Name, d.Value)).ToList()
                    : [],
                t.Value.StringMap("termAttributes"))).ToList()
            : [];

    private static PriceDimension Dimension(string name, JsonElement e) => new(
        e.Str("rateCode") ?? name,
        e.Str("unit"),
        e.Str("description"),
        e.Member("pricePerUnit") is { ValueKind: JsonValueKind.Object } prices
            ? prices.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String)
                .Select(p => (p.Name, Ok: decimal.TryParse(p.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v), Value: v))
                .Where(p => p.Ok)
                .ToDictionary(p => p.Name, p => p.Value)
            : new Dictionary<string, decimal>(),
        e.Str("beginRange"),
        e.Str("endRange"));
}
