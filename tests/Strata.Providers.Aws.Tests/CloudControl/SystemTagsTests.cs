using System.Text.Json.Nodes;
using Strata.Providers.Aws.CloudControl;
using Strata.Templates.Spec;

namespace Strata.Providers.Aws.Tests.CloudControl;

public sealed class SystemTagsTests
{
    private static readonly Dictionary<string, string> StackTags = new()
    {
        ["strata:stack"] = "web",
        ["strata:logical-id"] = "Logs",
    };

    private static ResourceTypeSpec Type(string name) =>
        ResourceSpecification.Default.TryGetType(name, out var type) ? type : throw new InvalidOperationException($"{name} is not in the spec");

    [Fact]
    public void Merge_StandardTagList_AppendsSystemTagsSortedAfterTemplateTags()
    {
        var desired = JsonNode.Parse("""{"LogGroupName":"g","Tags":[{"Key":"team","Value":"ops"}]}""")!.AsObject();

        var merged = SystemTags.Merge(desired, Type("AWS::Logs::LogGroup"), StackTags);

        Assert.Equal("""[{"Key":"team","Value":"ops"},{"Key":"strata:logical-id","Value":"Logs"},{"Key":"strata:stack","Value":"web"}]""",
            merged["Tags"]!.ToJsonString());
        Assert.Equal("g", merged["LogGroupName"]!.GetValue<string>());
    }

    [Fact]
    public void Merge_TemplateTagWithASystemKey_IsOverriddenNotDuplicated()
    {
        var desired = JsonNode.Parse("""{"Tags":[{"Key":"strata:stack","Value":"spoofed"},{"Key":"a","Value":"1"}]}""")!.AsObject();

        var merged = SystemTags.Merge(desired, Type("AWS::EC2::Instance"), new Dictionary<string, string> { ["strata:stack"] = "web" });

        Assert.Equal("""[{"Key":"a","Value":"1"},{"Key":"strata:stack","Value":"web"}]""", merged["Tags"]!.ToJsonString());
    }

    [Fact]
    public void Merge_NoTagsProperty_CreatesIt()
    {
        var merged = SystemTags.Merge(JsonNode.Parse("""{"Name":"s"}""")!.AsObject(), Type("AWS::Kinesis::Stream"),
            new Dictionary<string, string> { ["strata:stack"] = "web" });

        Assert.Equal("""{"Name":"s","Tags":[{"Key":"strata:stack","Value":"web"}]}""", merged.ToJsonString());
    }

    [Fact]
    public void Merge_AutoScalingGroup_AddsPropagateAtLaunch()
    {
        var merged = SystemTags.Merge([], Type("AWS::AutoScaling::AutoScalingGroup"), new Dictionary<string, string> { ["strata:stack"] = "web" });

        Assert.Equal("""[{"Key":"strata:stack","Value":"web","PropagateAtLaunch":true}]""", merged["Tags"]!.ToJsonString());
    }

    [Fact]
    public void Merge_MapTaggedType_SetsMapEntries()
    {
        var desired = JsonNode.Parse("""{"Type":"String","Value":"v","Tags":{"team":"ops","strata:stack":"old"}}""")!.AsObject();

        var merged = SystemTags.Merge(desired, Type("AWS::SSM::Parameter"), new Dictionary<string, string> { ["strata:stack"] = "web" });

        Assert.Equal("""{"team":"ops","strata:stack":"web"}""", merged["Tags"]!.ToJsonString());
    }

    [Fact]
    public void Merge_UntaggableType_LeavesTheStateAsItWas()
    {
        Assert.False(Type("AWS::IAM::Policy").IsTaggable);
        var desired = JsonNode.Parse("""{"PolicyName":"p"}""")!.AsObject();

        var merged = SystemTags.Merge(desired, Type("AWS::IAM::Policy"), StackTags);

        Assert.Equal(desired.ToJsonString(), merged.ToJsonString());
    }

    [Fact]
    public void Merge_TagPropertyOfUnexpectedShape_IsLeftAlone()
    {
        var desired = JsonNode.Parse("""{"Tags":"not-a-list"}""")!.AsObject();

        var merged = SystemTags.Merge(desired, Type("AWS::Logs::LogGroup"), StackTags);

        Assert.Equal("""{"Tags":"not-a-list"}""", merged.ToJsonString());
    }

    [Fact]
    public void Merge_Always_ReturnsACopy()
    {
        var desired = JsonNode.Parse("""{"Tags":[{"Key":"a","Value":"1"}]}""")!.AsObject();

        SystemTags.Merge(desired, Type("AWS::Logs::LogGroup"), StackTags);

        Assert.Equal("""{"Tags":[{"Key":"a","Value":"1"}]}""", desired.ToJsonString());
    }
}
