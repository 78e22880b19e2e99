namespace Strata.Providers.Aws.Services.Pricing;

/// <summary>A product attribute filter; TERM_MATCH is the only type AWS offers.</summary>
public sealed record PricingFilter(string Field, string Value, string Type = "TERM_MATCH");

public sealed record GetProductsRequest(string ServiceCode)
{
    public IReadOnlyList<PricingFilter> Filters { get; init; } = [];
    public string FormatVersion { get; init; } = "aws_v1";
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
}

/// <summary>The raw page: each price-list entry is itself a JSON document, as AWS returns it.</summary>
public sealed record GetProductsResponse(string? FormatVersion, IReadOnlyList<string> PriceList, string? NextToken);

/// <summary>One rate of a term: e.g. 0.0104 USD per "Hrs".</summary>
public sealed record PriceDimension(string RateCode, string? Unit, string? Description, IReadOnlyDictionary<string, decimal> PricePerUnit,
    string? BeginRange, string? EndRange);

/// <summary>One term (on-demand or reserved) of a product.</summary>
public sealed record PriceTerm(string OfferTermCode, string? EffectiveDate, IReadOnlyList<PriceDimension> PriceDimensions,
    IReadOnlyDictionary<string, string> TermAttributes);

/// <summary>A price-list entry, parsed: the product's attributes and its terms.</summary>
public sealed record PricedProduct(string Sku, string? ProductFamily, IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<PriceTerm> OnDemand, IReadOnlyList<PriceTerm> Reserved)
{
    public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Which EC2 on-demand price to look up. The defaults describe a plain Linux instance on shared hardware.</summary>
public sealed record Ec2PriceQuery(string InstanceType, string RegionCode)
{
    public string OperatingSystem { get; init; } = "Linux";
    public string Tenancy { get; init; } = "Shared";
    public string PreInstalledSoftware { get; init; } = "NA";
    public string CapacityStatus { get; init; } = "Used";
    public string LicenseModel { get; init; } = "No License required";
}

/// <summary>An EC2 instance type's on-demand price per hour.</summary>
public sealed record Ec2OnDemandPrice(string InstanceType, string RegionCode, decimal PricePerHour, string Currency, string Sku, string? Description);
