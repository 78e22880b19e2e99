using System.Text;
using System.Text.Json.Nodes;
using Strata.Engine.Model;

namespace Strata.Engine.Tests.Model;

public sealed class JsonScratchTests
{
    [Fact]
    public void Rent_WhileTheThreadsWriterIsInUse_GivesAnotherWriter()
    {
        using var outer = JsonScratch.Rent();
        outer.Writer.WriteStartArray();
        outer.Writer.WriteStringValue("outer");

        using (var inner = JsonScratch.Rent())
        {
            Assert.NotSame(outer.Writer, inner.Writer);
            inner.Writer.WriteStringValue("inner");
            Assert.Equal("\"inner\"", Encoding.UTF8.GetString(inner.Written));
        }

        outer.Writer.WriteEndArray();
        Assert.Equal("""["outer"]""", Encoding.UTF8.GetString(outer.Written));
    }

    [Fact]
    public void Rent_AfterAnEarlierUse_StartsEmpty()
    {
        using (var first = JsonScratch.Rent())
        {
            first.Writer.WriteStringValue(new string('x', 100));
            _ = first.Written;
        }

        using var second = JsonScratch.Rent();
        second.Writer.WriteNumberValue(1);

        Assert.Equal("1", Encoding.UTF8.GetString(second.Written));
    }

    [Fact]
    public void From_SmallDocumentAfterALargeOne_WritesOnlyItsOwnText()
    {
        var large = new JsonObject { ["Body"] = new string('y', 200_000) };
        Assert.Equal(200_011, StoredJson.From(large).Utf8Length);

        var small = StoredJson.From(new JsonObject { ["A"] = 1 });

        Assert.Equal("""{"A":1}""", small.ToString());
    }
}
