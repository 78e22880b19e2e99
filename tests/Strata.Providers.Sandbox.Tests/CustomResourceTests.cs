using System.Text.Json.Nodes;
using Strata.Engine.Providers;

namespace Strata.Providers.Sandbox.Tests;

/// <summary>Custom resources in the sandbox: no Lambda runs; the handler's answer is simulated from the resource's metadata.</summary>
public sealed class CustomResourceTests : IDisposable
{
    private const string Type = "Custom::Seeder";
    private const string Token = "arn:aws:lambda:us-east-1:123456789012:function:seeder";

    private readonly TestCloud _test = new(new() { Seed = 1, Speed = 1_000_000 });

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task CreateAsync_DataInMetadata_ModelCarriesItForGetAtt()
    {
        var properties = new JsonObject { ["ServiceToken"] = Token, ["Rows"] = new JsonArray(1, 2), ["Table"] = "users" };
        var metadata = TestCloud.Faults(new() { ["Data"] = new JsonObject { ["Endpoint"] = "db.internal:5432", ["Count"] = 2 } });

        var result = await _test.CreateAsync(Type, "Seed", properties, metadata);

        Assert.Equal(OperationStatus.Success, result.Status);
        Assert.Contains("Seed", result.PhysicalId);
        Assert.Equal("db.internal:5432", result.ResourceModel!["Endpoint"]!.GetValue<string>());
        Assert.Equal(2, result.ResourceModel["Count"]!.GetValue<int>());
        Assert.Equal("users", result.ResourceModel["Table"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateAsync_DataNotAnObject_InvalidRequestNamingTheKey()
    {
        var metadata = TestCloud.Faults(new() { ["Data"] = "ready" });

        var result = await _test.CreateAsync(Type, "Seed", new() { ["ServiceToken"] = Token }, metadata);

        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Contains("Strata::Sandbox.Data must be an object", result.Message);
    }

    [Fact]
    public async Task UpdateAsync_ServiceTokenChanged_NotUpdatable()
    {
        var created = await _test.CreateOkAsync(Type, "Seed", new() { ["ServiceToken"] = Token });

        var result = await _test.UpdateAsync(Type, "Seed", created.PhysicalId!, new() { ["ServiceToken"] = Token + "-v2" });

        Assert.Equal(HandlerErrorCode.NotUpdatable, result.ErrorCode);
        Assert.Contains("ServiceToken", result.Message);
    }

    [Fact]
    public async Task UpdateAsync_HandlerPropertyChanged_UpdatedInPlace()
    {
        var created = await _test.CreateOkAsync(Type, "Seed", new() { ["ServiceToken"] = Token, ["Table"] = "users" });

        var result = await _test.UpdateAsync(Type, "Seed", created.PhysicalId!, new() { ["ServiceToken"] = Token, ["Table"] = "orders" });

        Assert.Equal(OperationStatus.Success, result.Status);
        Assert.Equal(created.PhysicalId, result.PhysicalId);
        Assert.Equal("orders", result.ResourceModel!["Table"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteAsync_CreatedCustomResource_Gone()
    {
        var created = await _test.CreateOkAsync(Type, "Seed", new() { ["ServiceToken"] = Token });

        var deleted = await _test.DeleteAsync(Type, "Seed", created.PhysicalId!);
        var read = await _test.Provider.ReadAsync(TestCloud.Request(Type, "Seed", physicalId: created.PhysicalId), CancellationToken.None);

        Assert.Equal(OperationStatus.Success, deleted.Status);
        Assert.Equal(HandlerErrorCode.NotFound, read.ErrorCode);
    }
}
