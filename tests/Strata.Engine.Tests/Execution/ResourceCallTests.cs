using System.Text.Json.Nodes;
using Strata.Engine.Execution;
using Strata.Engine.Model;
using Strata.Engine.State;

namespace Strata.Engine.Tests.Execution;

public sealed class ResourceCallTests
{
    private static readonly StoredJson RecordProperties = StoredJson.From(new JsonObject { ["Name"] = "recorded" });
    private static readonly StoredJson RecordMetadata = StoredJson.From(new JsonObject { ["Note"] = "recorded" });

    [Theory]
    [InlineData("Create")]
    [InlineData("Replace")]
    [InlineData("Delete")]
    public void RecordStateRequest_CreateReplaceOrDelete_HoldsNeitherDesiredStateNorMetadata(string purposeName)
    {
        var request = ResourceCall.RecordStateRequest(Enum.Parse<CallPurpose>(purposeName), replaces: "old", signals: 2);

        Assert.False(request.ContainsKey("desired"));
        Assert.False(request.ContainsKey("metadata"));
        Assert.Equal("old", request["replaces"]!.GetValue<string>());
        Assert.Equal(2, request["signals"]!.GetValue<int>());
    }

    [Fact]
    public void RecordStateRequest_Update_ThrowsNamingTheOtherBuilder()
    {
        var error = Assert.Throws<ArgumentException>(() => ResourceCall.RecordStateRequest(CallPurpose.Update));

        Assert.Contains(nameof(ResourceCall.UpdateRequest), error.Message);
    }

    [Fact]
    public void UpdateRequest_Create_ThrowsNamingTheOtherBuilder()
    {
        var error = Assert.Throws<ArgumentException>(() => ResourceCall.UpdateRequest(CallPurpose.Create, [], [], null));

        Assert.Contains(nameof(ResourceCall.RecordStateRequest), error.Message);
    }

    [Theory]
    [InlineData("Create")]
    [InlineData("Delete")]
    public void DesiredState_RequestWithoutDesiredState_GivesTheRecordsPropertiesAndMetadata(string purposeName)
    {
        var purpose = Enum.Parse<CallPurpose>(purposeName);
        var call = Call(purpose, ResourceCall.RecordStateRequest(purpose));

        Assert.Same(RecordProperties, call.DesiredState());
        Assert.Same(RecordMetadata, call.MetadataState());
    }

    [Fact]
    public void DesiredState_CreateJournaledWithItsDesiredState_UsesTheRequest()
    {
        // Entries written before creates left their state to the record still carry it.
        var call = Call(CallPurpose.Create, new JsonObject { ["purpose"] = "Create", ["desired"] = new JsonObject { ["Name"] = "journaled" } });

        Assert.Equal("""{"Name":"journaled"}""", call.DesiredState().ToString());
    }

    [Fact]
    public void DesiredState_Update_GivesTheRequestsStateAndNoMetadataWhenItHasNone()
    {
        var call = Call(CallPurpose.Update, ResourceCall.UpdateRequest(CallPurpose.Update, new JsonObject { ["Name"] = "new" }, new JsonObject { ["Name"] = "recorded" }, null));

        Assert.Equal("""{"Name":"new"}""", call.DesiredState().ToString());
        Assert.Null(call.MetadataState());
    }

    [Fact]
    public void UpdateRequest_FreshDesiredState_TakesItWithoutCopying()
    {
        var desired = new JsonObject { ["Name"] = "a" };

        var request = ResourceCall.UpdateRequest(CallPurpose.Update, desired, [], null);

        Assert.Same(desired, request["desired"]);
    }

    [Fact]
    public void UpdateRequest_DesiredStateAlreadyInAnotherRequest_CopiesIt()
    {
        var desired = new JsonObject { ["Name"] = "a" };
        var metadata = new JsonObject { ["Note"] = "m" };
        var first = ResourceCall.UpdateRequest(CallPurpose.Update, desired, new JsonObject { ["Name"] = "old" }, metadata);

        var second = ResourceCall.UpdateRequest(CallPurpose.Revert, desired, new JsonObject { ["Name"] = "old" }, metadata);

        Assert.Same(desired, first["desired"]);
        Assert.NotSame(desired, second["desired"]);
        Assert.True(JsonNode.DeepEquals(desired, second["desired"]));
        Assert.True(JsonNode.DeepEquals(metadata, second["metadata"]));
    }

    private static ResourceCall Call(CallPurpose purpose, JsonObject request)
    {
        var record = new ResourceRecord
        {
            RecordId = "r1",
            StackId = "s1",
            LogicalId = "Queue",
            Type = "AWS::SQS::Queue",
            Status = ResourceStatus.CreateInProgress,
            Properties = RecordProperties,
            Metadata = RecordMetadata,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        var entry = new JournalEntry
        {
            OperationId = "op1",
            StackId = "s1",
            RecordId = "r1",
            LogicalId = "Queue",
            ResourceType = "AWS::SQS::Queue",
            Action = purpose == CallPurpose.Delete ? ProviderAction.Delete : purpose == CallPurpose.Update ? ProviderAction.Update : ProviderAction.Create,
            ClientToken = "op1",
            Request = request,
            StartedAt = DateTimeOffset.UnixEpoch,
        };
        return new ResourceCall(entry, record, purpose);
    }
}
