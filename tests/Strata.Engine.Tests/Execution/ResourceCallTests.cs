using System.Text.Json.Nodes;
using Strata.Engine.Execution;

namespace Strata.Engine.Tests.Execution;

public sealed class ResourceCallTests
{
    [Fact]
    public void BuildRequest_FreshDesiredState_TakesItWithoutCopying()
    {
        var desired = new JsonObject { ["Name"] = "a" };

        var request = ResourceCall.BuildRequest(CallPurpose.Create, desired, null, null);

        Assert.Same(desired, request["desired"]);
    }

    [Fact]
    public void BuildRequest_DesiredStateAlreadyInAnotherRequest_CopiesIt()
    {
        // A conditional replacement after a refused update builds a second request from the same evaluated properties.
        var desired = new JsonObject { ["Name"] = "a" };
        var metadata = new JsonObject { ["Note"] = "m" };
        var update = ResourceCall.BuildRequest(CallPurpose.Update, desired, new JsonObject { ["Name"] = "old" }, metadata);

        var replace = ResourceCall.BuildRequest(CallPurpose.Replace, desired, null, metadata);

        Assert.NotSame(desired, replace["desired"]);
        Assert.True(JsonNode.DeepEquals(desired, replace["desired"]));
        Assert.True(JsonNode.DeepEquals(metadata, replace["metadata"]));
        Assert.Same(desired, update["desired"]);
    }
}
