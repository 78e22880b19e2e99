using System.Text.Json.Nodes;
using Strata.Providers.Aws.CloudControl;

namespace Strata.Providers.Aws.Tests.CloudControl;

public sealed class JsonPatchGeneratorTests
{
    private static string Patch(string from, string to) =>
        JsonPatchDocument.Serialize(JsonPatchGenerator.Diff(JsonNode.Parse(from), JsonNode.Parse(to)));

    [Fact]
    public void Diff_ChangedScalar_IsOneReplace()
    {
        Assert.Equal("""[{"op":"replace","path":"/RetentionInDays","value":90}]""",
            Patch("""{"LogGroupName":"g","RetentionInDays":30}""", """{"LogGroupName":"g","RetentionInDays":90}"""));
    }

    [Fact]
    public void Diff_AddedAndRemovedMembers_AreAddAndRemove()
    {
        Assert.Equal("""[{"op":"remove","path":"/KmsKeyId"},{"op":"add","path":"/RetentionInDays","value":7}]""",
            Patch("""{"LogGroupName":"g","KmsKeyId":"k"}""", """{"LogGroupName":"g","RetentionInDays":7}"""));
    }

    [Fact]
    public void Diff_NestedObjectChange_PatchesTheLeafOnly()
    {
        Assert.Equal("""[{"op":"replace","path":"/VersioningConfiguration/Status","value":"Enabled"}]""",
            Patch("""{"VersioningConfiguration":{"Status":"Suspended"},"BucketName":"b"}""",
                """{"BucketName":"b","VersioningConfiguration":{"Status":"Enabled"}}"""));
    }

    [Fact]
    public void Diff_EqualModelsWithReorderedMembersAndRespelledNumbers_IsEmpty()
    {
        Assert.Empty(JsonPatchGenerator.Diff(JsonNode.Parse("""{"a":1,"b":{"c":[1,2],"d":90}}"""),
            JsonNode.Parse("""{"b":{"d":90.0,"c":[1,2.0]},"a":1}""")));
    }

    [Fact]
    public void Diff_ArrayWithItemsAppended_AddsEachNewItemAtItsIndex()
    {
        Assert.Equal("""[{"op":"add","path":"/Tags/1","value":{"Key":"b","Value":"2"}},{"op":"add","path":"/Tags/2","value":{"Key":"c","Value":"3"}}]""",
            Patch("""{"Tags":[{"Key":"a","Value":"1"}]}""",
                """{"Tags":[{"Key":"a","Value":"1"},{"Key":"b","Value":"2"},{"Key":"c","Value":"3"}]}"""));
    }

    [Theory]
    [InlineData("""{"L":[1,2,3]}""", """{"L":[1,3]}""")]
    [InlineData("""{"L":[1,2]}""", """{"L":[0,1,2]}""")]
    [InlineData("""{"L":[1,2]}""", """{"L":[2,1]}""")]
    [InlineData("""{"L":[{"a":1}]}""", """{"L":[{"a":2}]}""")]
    [InlineData("""{"L":[1,2]}""", """{"L":[]}""")]
    public void Diff_ArrayNotOnlyAppended_ReplacesTheWholeArray(string from, string to)
    {
        var operation = Assert.Single(JsonPatchGenerator.Diff(JsonNode.Parse(from), JsonNode.Parse(to)));

        Assert.Equal(JsonPatchOp.Replace, operation.Op);
        Assert.Equal("/L", operation.Path);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(to)!["L"], operation.Value));
    }

    [Fact]
    public void Diff_MemberNamesWithSlashAndTilde_AreEscapedTildeFirst()
    {
        Assert.Equal("""[{"op":"replace","path":"/a~1b/c~0d/~01","value":2}]""",
            Patch("""{"a/b":{"c~d":{"~1":1}}}""", """{"a/b":{"c~d":{"~1":2}}}"""));
    }

    [Fact]
    public void Diff_TypeChange_ReplacesTheValue()
    {
        Assert.Equal("""[{"op":"replace","path":"/Port","value":"80"},{"op":"replace","path":"/Cfg","value":[1]}]""",
            Patch("""{"Port":80,"Cfg":{"x":1}}""", """{"Port":"80","Cfg":[1]}"""));
    }

    [Fact]
    public void Diff_NullValues_AreValuesNotAbsence()
    {
        Assert.Equal("""[{"op":"replace","path":"/A","value":null},{"op":"add","path":"/B","value":null}]""",
            Patch("""{"A":1}""", """{"A":null,"B":null}"""));
    }

    [Fact]
    public void Diff_GivenModels_LeavesThemUnchanged()
    {
        var from = JsonNode.Parse("""{"L":[1],"O":{"x":1}}""")!;
        var to = JsonNode.Parse("""{"L":[1,2],"O":{"x":2},"N":{"y":[3]}}""")!;
        var (fromText, toText) = (from.ToJsonString(), to.ToJsonString());

        var patch = JsonPatchGenerator.Diff(from, to);
        patch[^1].Value!["y"]!.AsArray().Add(4);

        Assert.Equal(fromText, from.ToJsonString());
        Assert.Equal(toText, to.ToJsonString());
    }

    [Theory]
    [InlineData("a/b", "a~1b")]
    [InlineData("~1", "~01")]
    [InlineData("~/", "~0~1")]
    [InlineData("plain", "plain")]
    public void Escape_Token_RoundTripsThroughUnescape(string token, string escaped)
    {
        Assert.Equal(escaped, JsonPointer.Escape(token));
        Assert.Equal(token, JsonPointer.Unescape(escaped));
    }

    [Fact]
    public void Diff_RandomModelPairs_AppliedByAnIndependentApplier_GiveTheTarget()
    {
        // Fixed seeds: reproducible, yet far more shapes than hand-written cases.
        for (var seed = 1; seed <= 400; seed++)
        {
            var random = new Random(seed);
            var from = RandomModels.Object(random, depth: 0);
            var to = RandomModels.Mutate(random, from);

            var patch = JsonPatchGenerator.Diff(from, to);
            var patchDocument = (JsonArray)JsonNode.Parse(JsonPatchDocument.Serialize(patch))!;
            var result = JsonPatchApplier.Apply(from, patchDocument);

            Assert.True(JsonValueEquality.AreEqual(to, result),
                $"seed {seed}: {from.ToJsonString()} -> {to.ToJsonString()} via {patchDocument.ToJsonString()} gave {result?.ToJsonString()}");
            Assert.True(patch.Count > 0 || JsonValueEquality.AreEqual(from, to), $"seed {seed}: empty patch for different models");
        }
    }
}
