using System.Text.Json.Nodes;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.Pricing;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Services;

/// <summary>
/// The Price List Query API, which moto does not implement: recorded exchanges. The storage product is the AWS CLI
/// reference's documented example (awscli/examples/pricing/get-products.rst); the instance product is built in the
/// same aws_v1 format with the EC2 price list's attribute names.
/// </summary>
public sealed class PricingClientTests
{
    private const string JsonType = "application/x-amz-json-1.1";

    private const string DocumentedStorageEntry =
        """{"product":{"productFamily":"Storage","attributes":{"storageMedia":"SSD-backed","maxThroughputvolume":"320 MB/sec","volumeType":"Provisioned IOPS","maxIopsvolume":"20000","servicecode":"AmazonEC2","usagetype":"APS1-EBS:VolumeUsage.piops","locationType":"AWS Region","location":"Asia Pacific (Singapore)","servicename":"Amazon Elastic Compute Cloud","maxVolumeSize":"16 TiB","operation":""},"sku":"3MKHN58N7RDDVGKJ"},"serviceCode":"AmazonEC2","terms":{"OnDemand":{"3MKHN58N7RDDVGKJ.JRTCKXETXF":{"priceDimensions":{"3MKHN58N7RDDVGKJ.JRTCKXETXF.6YS6EN2CT7":{"unit":"GB-Mo","endRange":"Inf","description":"$0.138 per GB-month of Provisioned IOPS SSD (io1)  provisioned storage - Asia Pacific (Singapore)","appliesTo":[],"rateCode":"3MKHN58N7RDDVGKJ.JRTCKXETXF.6YS6EN2CT7","beginRange":"0","pricePerUnit":{"USD":"0.1380000000"}}},"sku":"3MKHN58N7RDDVGKJ","effectiveDate":"2018-08-01T00:00:00Z","offerTermCode":"JRTCKXETXF","termAttributes":{}}}},"version":"20180808005701","publicationDate":"2018-08-08T00:57:01Z"}""";

    // A Linux t3.micro in us-east-1 on demand, and a reserved term whose hourly rate must not be taken for it.
    private const string T3MicroEntry =
        """{"product":{"productFamily":"Compute Instance","attributes":{"instanceType":"t3.micro","regionCode":"us-east-1","location":"US East (N. Virginia)","operatingSystem":"Linux","tenancy":"Shared","preInstalledSw":"NA","capacitystatus":"Used","licenseModel":"No License required","vcpu":"2","memory":"1 GiB","servicecode":"AmazonEC2","usagetype":"BoxUsage:t3.micro","operation":"RunInstances"},"sku":"EXAMPLET3MICROSKU"},"serviceCode":"AmazonEC2","terms":{"OnDemand":{"EXAMPLET3MICROSKU.JRTCKXETXF":{"priceDimensions":{"EXAMPLET3MICROSKU.JRTCKXETXF.6YS6EN2CT7":{"unit":"Hrs","endRange":"Inf","description":"$0.0104 per On Demand Linux t3.micro Instance Hour","appliesTo":[],"rateCode":"EXAMPLET3MICROSKU.JRTCKXETXF.6YS6EN2CT7","beginRange":"0","pricePerUnit":{"USD":"0.0104000000"}}},"sku":"EXAMPLET3MICROSKU","effectiveDate":"2024-05-01T00:00:00Z","offerTermCode":"JRTCKXETXF","termAttributes":{}}},"Reserved":{"EXAMPLET3MICROSKU.4NA7Y494T4":{"priceDimensions":{"EXAMPLET3MICROSKU.4NA7Y494T4.6YS6EN2CT7":{"unit":"Hrs","description":"Linux/UNIX (Amazon VPC), t3.micro reserved instance applied","rateCode":"EXAMPLET3MICROSKU.4NA7Y494T4.6YS6EN2CT7","pricePerUnit":{"USD":"0.0065000000"}}},"sku":"EXAMPLET3MICROSKU","effectiveDate":"2024-05-01T00:00:00Z","offerTermCode":"4NA7Y494T4","termAttributes":{"LeaseContractLength":"1yr","OfferingClass":"standard","PurchaseOption":"No Upfront"}}}},"version":"20240501000000","publicationDate":"2024-05-01T00:00:00Z"}""";

    private static string Page(string? nextToken, params string[] entries)
    {
        var body = new JsonObject { ["FormatVersion"] = "aws_v1", ["PriceList"] = new JsonArray(entries.Select(e => (JsonNode)JsonValue.Create(e)).ToArray()) };
        if (nextToken is not null) body["NextToken"] = nextToken;
        return body.ToJsonString();
    }

    [Fact]
    public async Task GetProducts_DocumentedExample_SendsFiltersAndReadsThePriceListEntries()
    {
        await using var aws = new RecordedAwsEndpoint().Respond(Page("WGDY7ko8fQXdlaUZVdasFQ==:RVSagyIFn770XQOzdUIcO9BY6ucBG9", DocumentedStorageEntry),
            contentType: JsonType);

        var response = await new PricingClient(aws.Context("ap-southeast-1")).GetProductsAsync(new GetProductsRequest("AmazonEC2")
        {
            Filters = [new PricingFilter("ServiceCode", "AmazonEC2"), new PricingFilter("volumeType", "Provisioned IOPS")],
            MaxResults = 1,
        });

        var request = Assert.Single(aws.Requests);
        Assert.Equal("AWSPriceListService.GetProducts", request.Header("X-Amz-Target"));
        // The Price List API lives in us-east-1 and is signed for it, whatever region is configured.
        Assert.Contains("/us-east-1/pricing/aws4_request", request.Header("Authorization"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"ServiceCode":"AmazonEC2","Filters":[{"Type":"TERM_MATCH","Field":"ServiceCode","Value":"AmazonEC2"},
             {"Type":"TERM_MATCH","Field":"volumeType","Value":"Provisioned IOPS"}],"FormatVersion":"aws_v1","MaxResults":1}
            """), JsonNode.Parse(request.BodyText)), request.BodyText);
        Assert.Equal("aws_v1", response.FormatVersion);
        Assert.StartsWith("WGDY7ko8fQXdlaUZVdasFQ==", response.NextToken);
        var product = PriceListParser.Parse(Assert.Single(response.PriceList));
        Assert.Equal("3MKHN58N7RDDVGKJ", product.Sku);
        Assert.Equal("Storage", product.ProductFamily);
        Assert.Equal("Provisioned IOPS", product.Attribute("volumeType"));
        var dimension = Assert.Single(Assert.Single(product.OnDemand).PriceDimensions);
        Assert.Equal("GB-Mo", dimension.Unit);
        Assert.Equal(0.138m, dimension.PricePerUnit["USD"]);
    }

    [Fact]
    public async Task GetEc2OnDemandHourlyPrice_InstanceProduct_ReturnsTheOnDemandHourlyRate()
    {
        await using var aws = new RecordedAwsEndpoint().Respond(Page(null, T3MicroEntry), contentType: JsonType);

        var price = await new PricingClient(aws.Context()).GetEc2OnDemandHourlyPriceAsync(new Ec2PriceQuery("t3.micro", "us-east-1"));

        Assert.NotNull(price);
        Assert.Equal(0.0104m, price.PricePerHour);
        Assert.Equal("USD", price.Currency);
        Assert.Equal("EXAMPLET3MICROSKU", price.Sku);
        Assert.Equal("$0.0104 per On Demand Linux t3.micro Instance Hour", price.Description);
        var filters = JsonNode.Parse(Assert.Single(aws.Requests).BodyText)!["Filters"]!.AsArray()
            .ToDictionary(f => f!["Field"]!.GetValue<string>(), f => f!["Value"]!.GetValue<string>());
        Assert.Equal("t3.micro", filters["instanceType"]);
        Assert.Equal("us-east-1", filters["regionCode"]);
        Assert.Equal("Linux", filters["operatingSystem"]);
        Assert.Equal("Shared", filters["tenancy"]);
        Assert.Equal("NA", filters["preInstalledSw"]);
        Assert.Equal("Used", filters["capacitystatus"]);
    }

    [Fact]
    public async Task GetEc2OnDemandHourlyPrice_FirstPageWithoutAnHourlyProduct_ReadsTheNextPage()
    {
        await using var aws = new RecordedAwsEndpoint()
            .Respond(Page("page-2", DocumentedStorageEntry), contentType: JsonType)
            .Respond(Page(null, T3MicroEntry), contentType: JsonType);

        var price = await new PricingClient(aws.Context()).GetEc2OnDemandHourlyPriceAsync(new Ec2PriceQuery("t3.micro", "us-east-1"));

        Assert.Equal(0.0104m, price?.PricePerHour);
        Assert.Equal("page-2", JsonNode.Parse(aws.Requests[1].BodyText)!["NextToken"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetEc2OnDemandHourlyPrice_NoMatchingProduct_IsNull()
    {
        await using var aws = new RecordedAwsEndpoint().Respond(Page(null), contentType: JsonType);

        Assert.Null(await new PricingClient(aws.Context()).GetEc2OnDemandHourlyPriceAsync(new Ec2PriceQuery("x9.nonexistent", "us-east-1")));
    }

    [Fact]
    public void Parse_EntryThatIsNotJson_ThrowsProtocolError()
    {
        Assert.Throws<AwsProtocolException>(() => PriceListParser.Parse("{not json"));
    }
}
