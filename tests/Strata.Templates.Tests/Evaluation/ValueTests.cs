using Strata.Templates.Values;

namespace Strata.Templates.Tests.Evaluation;

public sealed class ValueTests
{
    [Fact]
    public void IsFullyKnown_UnknownDeepInside_IsFalse()
    {
        var unknown = UnknownValue.FromResource("Web", "Arn", ExpectedKind.String);
        var map = new MapValue([new("a", Value.List(Value.Str("x"), unknown))]);
        Assert.False(map.IsFullyKnown);
        Assert.True(new MapValue([new("a", Value.List(Value.Str("x")))]).IsFullyKnown);
    }

    [Fact]
    public void Combine_MergesDependenciesAndKeepsMostSeriousReason()
    {
        var a = UnknownValue.FromResource("B", "Arn", ExpectedKind.String);
        var b = UnknownValue.FromResource("A", null, ExpectedKind.String);
        var c = new UnknownValue(ExpectedKind.String, "import", UnknownReason.ImportNotResolved);
        var combined = UnknownValue.Combine(ExpectedKind.String, "Fn::Join", [Value.Str("x"), Value.List(a, b), c]);
        Assert.Equal(["A", "B"], combined.ResourceDependencies);
        Assert.Equal(UnknownReason.ImportNotResolved, combined.Reason);
        Assert.Equal("Fn::Join(B.Arn, Ref A, import)", combined.Source);
    }

    [Fact]
    public void Equals_IsStructural_AndMapsIgnoreKeyOrder()
    {
        Assert.Equal(Value.List(Value.Str("a"), Value.Num(1)), Value.List(Value.Str("a"), Value.Num(1)));
        Assert.Equal(new MapValue([new("a", Value.Str("1")), new("b", Value.Str("2"))]), new MapValue([new("b", Value.Str("2")), new("a", Value.Str("1"))]));
        Assert.NotEqual<Value>(Value.Str("1"), Value.Num(1));
    }

    [Fact]
    public void ToJsonNode_KeepsNumberTextAndDropsNoValue()
    {
        var value = new MapValue([new("n", Value.Num("0.10")), new("gone", Value.None), new("l", Value.List(Value.Bool(true), Value.None, Value.Null))]);
        Assert.Equal("""{"n":0.10,"l":[true,null]}""", ValueJson.ToJsonNode(value)!.ToJsonString());
    }

    [Fact]
    public void ToJsonNode_Unknown_Fails()
    {
        Assert.False(ValueJson.TryToJsonNode(Value.List(UnknownValue.FromResource("A", null, ExpectedKind.String)), out _));
        Assert.Throws<InvalidOperationException>(() => ValueJson.ToJsonNode(UnknownValue.FromResource("A", null, ExpectedKind.String)));
    }

    [Fact]
    public void ToJsonNode_YamlOnlyNumber_BecomesString() =>
        Assert.Equal("\"0x1F\"", ValueJson.ToJsonNode(Value.Num("0x1F"))!.ToJsonString());

    [Fact]
    public void TryGetText_ScalarsOnly()
    {
        Assert.True(Value.Bool(false).TryGetText(out var b) && b == "false");
        Assert.True(Value.Num("012").TryGetText(out var n) && n == "012");
        Assert.False(Value.List().TryGetText(out _));
        Assert.False(Value.Null.TryGetText(out _));
    }

    [Fact]
    public void ToString_IsReadable() =>
        Assert.Equal("{\"a\": [\"x\", 1, <unknown string Web.Arn>]}",
            new MapValue([new("a", Value.List(Value.Str("x"), Value.Num(1), UnknownValue.FromResource("Web", "Arn", ExpectedKind.String)))]).ToString());
}
