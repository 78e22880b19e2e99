using System.Text.Json.Nodes;

namespace Strata.Providers.Aws.Tests.CloudControl;

/// <summary>The test oracle itself, on RFC 6902 appendix A's examples (A.1–A.5, A.10, A.14, A.16).</summary>
public sealed class JsonPatchApplierTests
{
    [Theory]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux"}]""", """{"baz":"qux","foo":"bar"}""")]
    [InlineData("""{"foo":["bar","baz"]}""", """[{"op":"add","path":"/foo/1","value":"qux"}]""", """{"foo":["bar","qux","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"remove","path":"/baz"}]""", """{"foo":"bar"}""")]
    [InlineData("""{"foo":["bar","qux","baz"]}""", """[{"op":"remove","path":"/foo/1"}]""", """{"foo":["bar","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"replace","path":"/baz","value":"boo"}]""", """{"baz":"boo","foo":"bar"}""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/child","value":{"grandchild":{}}}]""", """{"foo":"bar","child":{"grandchild":{}}}""")]
    [InlineData("""{"/":9,"~1":10}""", """[{"op":"replace","path":"/~01","value":11}]""", """{"/":9,"~1":11}""")]
    [InlineData("""{"foo":["bar"]}""", """[{"op":"add","path":"/foo/-","value":["abc","def"]}]""", """{"foo":["bar",["abc","def"]]}""")]
    public void Apply_Rfc6902AppendixExample_GivesTheDocumentedResult(string document, string patch, string expected)
    {
        var result = JsonPatchApplier.Apply(JsonNode.Parse(document), (JsonArray)JsonNode.Parse(patch)!);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result?.ToJsonString());
    }

    [Fact]
    public void Apply_RemoveOfMissingMember_Throws()
    {
        Assert.Throws<InvalidOperationException>(() =>
            JsonPatchApplier.Apply(JsonNode.Parse("""{"a":1}"""), (JsonArray)JsonNode.Parse("""[{"op":"remove","path":"/b"}]""")!));
    }
}
