using System.Text.Json.Nodes;
using Strata.Engine.Model;
using Strata.Engine.Providers;
using Strata.Engine.State;
using Strata.Engine.Tests.Support;

namespace Strata.Engine.Tests.Execution;

/// <summary>
/// A provider whose <c>Ref</c> is not the physical id (Cloud Control identifies an API Gateway resource as
/// <c>RestApiId|ResourceId</c>, but <c>Ref</c> is the ResourceId): templates see the Ref value, calls get the physical id.
/// </summary>
public class ReferenceTests
{
    private const string ApiResourceType = "AWS::ApiGateway::Resource";
    private const string PhysicalId = "api1|res1";
    private const string RefValue = "res1";

    private const string Resources = """
        Resources:
          Parent:
            Type: AWS::ApiGateway::Resource
            Properties:
              RestApiId: api1
              ParentId: root1
              PathPart: items
          Child:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: api1
              ResourceId: !Ref Parent
              HttpMethod: GET
              AuthorizationType: NONE
        """;

    private const string Sibling = """
          Sibling:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: api1
              ResourceId: !Ref Parent
              HttpMethod: POST
              AuthorizationType: NONE
        """;

    private const string Outputs = """
        Outputs:
          ParentRef:
            Value: !Ref Parent
        """;

    private const string Template = Resources + "\n" + Outputs;

    private const string TemplateWithSibling = Resources + "\n" + Sibling + "\n" + Outputs;

    [Fact]
    public async Task UpAsync_ProviderRefDiffersFromPhysicalId_DependentAndOutputGetTheRefValue()
    {
        using var fixture = CompoundIdFixture();

        var result = await fixture.Engine.UpAsync(EngineFixture.Up("s", Template), CancellationToken.None);

        Assert.Equal(StackStatus.CreateComplete, result.Stack!.Status);
        var child = fixture.Provider.Calls.Single(c => c.LogicalId == "Child" && c.Action == ProviderAction.Create);
        Assert.Equal(RefValue, child.Desired["ResourceId"]!.GetValue<string>());
        Assert.Equal(RefValue, result.Stack.Outputs.Single(o => o.Key == "ParentRef").Value);
        var records = await fixture.Store.GetResourcesAsync(result.Stack.StackId, CancellationToken.None);
        Assert.Equal(PhysicalId, records.Single(r => r.LogicalId == "Parent").PhysicalId);
    }

    [Fact]
    public async Task UpAsync_ReopenedEngineOnTheSameStore_StillResolvesRefThroughTheProvider()
    {
        using var fixture = CompoundIdFixture();
        await fixture.Engine.UpAsync(EngineFixture.Up("s", Template), CancellationToken.None);
        var reopened = fixture.NewEngine();

        var plan = await reopened.PlanAsync("s", new(Template, null), new Dictionary<string, string>(), CancellationToken.None);
        var result = await reopened.UpAsync(EngineFixture.Up("s", TemplateWithSibling), CancellationToken.None);

        // Recorded Child properties hold the Ref value; had the reload answered Ref with the physical id, Child would change.
        Assert.False(plan.Plan!.HasChanges);
        Assert.Equal(StackStatus.UpdateComplete, result.Stack!.Status);
        var sibling = fixture.Provider.Calls.Single(c => c.LogicalId == "Sibling" && c.Action == ProviderAction.Create);
        Assert.Equal(RefValue, sibling.Desired["ResourceId"]!.GetValue<string>());
        Assert.DoesNotContain(fixture.Provider.Calls, c => c.LogicalId == "Child" && c.Action == ProviderAction.Update);
        Assert.Equal(RefValue, result.Stack.Outputs.Single(o => o.Key == "ParentRef").Value);
    }

    [Fact]
    public async Task DownAsync_ProviderRefDiffersFromPhysicalId_DeletesWithThePhysicalId()
    {
        using var fixture = CompoundIdFixture();
        await fixture.Engine.UpAsync(EngineFixture.Up("s", Template), CancellationToken.None);

        var result = await fixture.NewEngine().DownAsync("s", CancellationToken.None);

        Assert.Equal(StackStatus.DeleteComplete, result.Stack!.Status);
        var delete = fixture.Provider.Calls.Single(c => c.LogicalId == "Parent" && c.Action == ProviderAction.Delete);
        Assert.Equal(PhysicalId, delete.PhysicalId);
    }

    /// <summary>Parent gets a compound physical id; the provider's Ref for the type is its last part.</summary>
    private static EngineFixture CompoundIdFixture()
    {
        var fixture = new EngineFixture();
        fixture.Provider.References = (type, physicalId, _) => type == ApiResourceType ? physicalId.Split('|')[^1] : physicalId;
        fixture.Provider.Script("Parent", call => Task.FromResult(call.Action == ProviderAction.Create
            ? ProgressEvent.Succeeded(PhysicalId, new JsonObject { ["RestApiId"] = "api1", ["ResourceId"] = RefValue, ["PathPart"] = "items" })
            : null));
        return fixture;
    }
}
