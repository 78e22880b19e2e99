using System.Text.Json.Nodes;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Faults;

namespace Strata.Providers.Sandbox.Tests;

public sealed class FaultRulesTests
{
    [Fact]
    public void TryParse_EveryKey_ReadsRules()
    {
        var metadata = TestCloud.Faults(new JsonObject
        {
            ["CreateSeconds"] = 3, ["UpdateSeconds"] = "4", ["DeleteSeconds"] = 5.5, ["Fail"] = "throttling",
            ["FailOn"] = "Update", ["Message"] = "boom", ["Hang"] = "true", ["FailTimes"] = 2,
        });

        Assert.True(FaultRules.TryParse(metadata, null, out var rules, out var error), error);

        Assert.Equal(3, rules.CreateSeconds);
        Assert.Equal(4, rules.UpdateSeconds);
        Assert.Equal(5.5, rules.DeleteSeconds);
        Assert.Equal(HandlerErrorCode.Throttling, rules.Fail);
        Assert.Equal(OperationKind.Update, rules.FailOn);
        Assert.Equal("boom", rules.Message);
        Assert.True(rules.Hang);
        Assert.Equal(2, rules.FailTimes);
    }

    [Fact]
    public void TryParse_MetadataOverTypeDefaults_ResourceWinsKeyByKey()
    {
        var defaults = new JsonObject { ["CreateSeconds"] = 30, ["Fail"] = "NotStabilized" };
        var metadata = TestCloud.Faults(new JsonObject { ["CreateSeconds"] = 1 });

        Assert.True(FaultRules.TryParse(metadata, defaults, out var rules, out _));

        Assert.Equal(1, rules.CreateSeconds);
        Assert.Equal(HandlerErrorCode.NotStabilized, rules.Fail);
    }

    [Theory]
    [InlineData("CreateSeconds", "-1", "Metadata.Strata::Sandbox.CreateSeconds must be a number of seconds")]
    [InlineData("Fail", "\"Kaboom\"", "Metadata.Strata::Sandbox.Fail must be a handler error code")]
    [InlineData("FailOn", "\"Read\"", "Metadata.Strata::Sandbox.FailOn must be Create, Update or Delete")]
    [InlineData("Hang", "\"maybe\"", "Metadata.Strata::Sandbox.Hang must be true or false")]
    [InlineData("FailTimes", "0", "Metadata.Strata::Sandbox.FailTimes must be a whole number, 1 or more")]
    [InlineData("Message", "5", "Metadata.Strata::Sandbox.Message must be a string")]
    [InlineData("Fial", "\"Throttling\"", "Metadata.Strata::Sandbox.Fial is not a sandbox fault rule")]
    public void TryParse_BadRule_ErrorNamesKey(string key, string json, string expected)
    {
        var metadata = TestCloud.Faults(new JsonObject { [key] = JsonNode.Parse(json) });

        Assert.False(FaultRules.TryParse(metadata, null, out _, out var error));

        Assert.StartsWith(expected, error);
    }

    [Fact]
    public void TryParse_FailTimesWithoutFail_IsRefused()
    {
        var metadata = TestCloud.Faults(new JsonObject { ["FailTimes"] = 2 });

        Assert.False(FaultRules.TryParse(metadata, null, out _, out var error));

        Assert.Contains("FailTimes", error);
        Assert.Contains("needs 'Fail'", error);
    }

    [Fact]
    public void TryParse_NotAnObject_IsRefused()
    {
        var metadata = new JsonObject { ["Strata::Sandbox"] = "fail please" };

        Assert.False(FaultRules.TryParse(metadata, null, out _, out var error));

        Assert.Contains("must be an object", error);
    }
}
