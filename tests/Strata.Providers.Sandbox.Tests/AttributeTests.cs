using System.Text.Json.Nodes;
using Strata.Engine.Providers;
using Strata.Templates.Spec;

namespace Strata.Providers.Sandbox.Tests;

public sealed class AttributeTests : IDisposable
{
    private readonly TestCloud _test = new(new() { Seed = 5, Speed = 1_000_000 });

    public void Dispose() => _test.Dispose();

    private static JsonNode? At(JsonObject model, string dotted)
    {
        JsonNode? current = model;
        foreach (var part in dotted.Split('.'))
        {
            current = (current as JsonObject)?[part];
        }
        return current;
    }

    [Fact]
    public async Task CreateAsync_RdsInstance_DottedEndpointAttributesNested()
    {
        var result = await _test.CreateOkAsync("AWS::RDS::DBInstance", "Db",
            new() { ["Engine"] = "postgres", ["DBInstanceClass"] = "db.t3.micro", ["DBInstanceIdentifier"] = "orders-db" });
        var model = result.ResourceModel!;

        Assert.Equal("orders-db", result.PhysicalId);
        Assert.Matches("^orders-db\\.[a-z0-9]{12}\\.us-east-1\\.rds\\.amazonaws\\.com$", At(model, "Endpoint.Address")!.GetValue<string>());
        Assert.Equal("5432", At(model, "Endpoint.Port")!.GetValue<string>());
        Assert.Equal("arn:aws:rds:us-east-1:123456789012:db:orders-db", model["DBInstanceArn"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateAsync_RdsMysqlWithoutPort_DefaultPort3306()
    {
        var result = await _test.CreateOkAsync("AWS::RDS::DBInstance", "Db", new() { ["Engine"] = "mysql", ["DBInstanceClass"] = "db.t3.micro" });

        Assert.Equal("3306", At(result.ResourceModel!, "Endpoint.Port")!.GetValue<string>());
        Assert.Matches("^teststack-db-[a-z0-9]{13}$", result.PhysicalId);
    }

    [Theory]
    [InlineData("AWS::EC2::Instance", """{"ImageId":"ami-1"}""")]
    [InlineData("AWS::RDS::DBInstance", """{"DBInstanceClass":"db.t3.micro","Engine":"mysql"}""")]
    [InlineData("AWS::RDS::DBCluster", """{"Engine":"aurora-mysql"}""")]
    [InlineData("AWS::ElastiCache::CacheCluster", """{"CacheNodeType":"cache.t3.micro","Engine":"redis","NumCacheNodes":1}""")]
    [InlineData("AWS::ElasticLoadBalancing::LoadBalancer", """{"Listeners":[]}""")]
    [InlineData("AWS::S3::Bucket", "{}")]
    [InlineData("AWS::EC2::VPC", """{"CidrBlock":"10.9.0.0/16"}""")]
    public async Task CreateAsync_CommonType_EveryAttributeOfTheSpecHasAValue(string type, string properties)
    {
        var result = await _test.CreateOkAsync(type, "Thing", (JsonObject)JsonNode.Parse(properties)!);

        Assert.True(ResourceSpecification.Default.TryGetType(type, out var spec));
        foreach (var attribute in spec.Attributes.Keys)
        {
            Assert.True(At(result.ResourceModel!, attribute) is not null, $"{type} lacks {attribute}");
        }
    }

    [Fact]
    public async Task CreateAsync_EveryTypeOfTheSpecification_SucceedsWithAllAttributesOrFailsCleanly()
    {
        var spec = ResourceSpecification.Default;
        var failures = new List<string>();
        var succeeded = 0;
        foreach (var typeName in spec.TypeNames)
        {
            if (!_test.Provider.Supports(typeName) || !spec.TryGetType(typeName, out var type))
            {
                continue;
            }
            var properties = MinimalProperties.For(type);
            var result = await _test.FinishAsync(await _test.Provider.CreateAsync(TestCloud.Request(typeName, "R", properties), CancellationToken.None));
            if (result.Status != OperationStatus.Success)
            {
                // Only a refusal a template author can act on is acceptable, never an internal failure.
                if (result.ErrorCode is not (HandlerErrorCode.InvalidRequest or HandlerErrorCode.AlreadyExists))
                {
                    failures.Add($"{typeName}: {result.ErrorCode} {result.Message}");
                }
                continue;
            }
            succeeded++;
            Assert.False(string.IsNullOrEmpty(result.PhysicalId), $"{typeName} has no physical id");
            foreach (var attribute in type.Attributes.Keys)
            {
                if (At(result.ResourceModel!, attribute) is null)
                {
                    failures.Add($"{typeName} lacks attribute {attribute}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(succeeded > spec.TypeCount * 9 / 10, $"only {succeeded} of {spec.TypeCount} types could be created");
    }
}
