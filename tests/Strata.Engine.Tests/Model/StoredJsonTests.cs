using System.Text.Json.Nodes;
using Strata.Engine.Model;

namespace Strata.Engine.Tests.Model;

public sealed class StoredJsonTests
{
    [Fact]
    public void From_ObjectChangedAfterwards_KeepsTheSnapshot()
    {
        var value = new JsonObject { ["Name"] = "a", ["Tags"] = new JsonArray("x") };
        var stored = StoredJson.From(value);

        value["Name"] = "b";
        ((JsonArray)value["Tags"]!).Add("y");

        Assert.Equal("""{"Name":"a","Tags":["x"]}""", stored.ToString());
    }

    [Fact]
    public void ToObject_CopyChanged_StoredValueUnchanged()
    {
        var stored = StoredJson.Parse("""{"A":1}""");

        var copy = stored.ToObject();
        copy["A"] = 2;

        Assert.Equal(1, stored.ToObject()["A"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("Arn", "\"arn:aws:sqs:us-east-1:1:q\"")]
    [InlineData("Endpoint.Address", "\"db.example\"")]
    [InlineData("Outputs.Vpc.Id", "\"vpc-1\"")]
    [InlineData("Dotted.Key", "7")]
    public void Find_AttributeOrDottedPath_ReturnsTheValue(string path, string expected)
    {
        var stored = StoredJson.Parse("""
            {"Arn":"arn:aws:sqs:us-east-1:1:q","Endpoint":{"Address":"db.example"},"Outputs":{"Vpc":{"Id":"vpc-1"}},"Dotted.Key":7}
            """);

        Assert.Equal(expected, stored.Find(path)!.ToJsonString());
    }

    [Theory]
    [InlineData("Missing")]
    [InlineData("Endpoint.Port")]
    [InlineData("Arn.Deeper")]
    [InlineData("Nothing")]
    public void Find_Absent_ReturnsNull(string path)
    {
        var stored = StoredJson.Parse("""{"Arn":"a","Endpoint":{"Address":"db"},"Nothing":null}""");

        Assert.Null(stored.Find(path));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\":")]
    [InlineData("{} {}")]
    [InlineData("")]
    public void Parse_NotASingleObject_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => StoredJson.Parse(text));
    }

    [Fact]
    public void SameAs_KeysInAnotherOrder_IsTrue()
    {
        var stored = StoredJson.Parse("""{"A":1,"B":{"C":[1,2]}}""");

        Assert.True(stored.SameAs(new JsonObject { ["B"] = new JsonObject { ["C"] = new JsonArray(1, 2) }, ["A"] = 1 }));
        Assert.False(stored.SameAs(new JsonObject { ["A"] = 1 }));
        Assert.False(stored.SameAs(null));
    }

    [Fact]
    public void Equals_SameTextFromObjectAndFromStore_AreEqualWithEqualHashes()
    {
        var fromObject = StoredJson.From(new JsonObject { ["A"] = "ü", ["B"] = 1.5 });
        var fromText = StoredJson.Parse(fromObject.ToString());

        Assert.Equal(fromObject, fromText);
        Assert.Equal(fromObject.GetHashCode(), fromText.GetHashCode());
        Assert.NotEqual(fromObject, StoredJson.Empty);
        Assert.True(StoredJson.From([]).IsEmpty);
    }
}
