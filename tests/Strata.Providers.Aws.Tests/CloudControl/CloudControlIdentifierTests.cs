using System.Text.Json.Nodes;
using Strata.Providers.Aws.CloudControl;
using Strata.Templates.Spec;

namespace Strata.Providers.Aws.Tests.CloudControl;

public sealed class CloudControlIdentifierTests
{
    private static ResourceTypeSpec Type(string name) =>
        ResourceSpecification.Default.TryGetType(name, out var type) ? type : throw new InvalidOperationException($"{name} is not in the spec");

    [Fact]
    public void TryCompose_SinglePrimaryIdentifier_IsThatValue()
    {
        Assert.True(CloudControlIdentifier.TryCompose(Type("AWS::Logs::LogGroup"),
            JsonNode.Parse("""{"LogGroupName":"CloudControlExample","RetentionInDays":90}""")!.AsObject(), out var id));
        Assert.Equal("CloudControlExample", id);
    }

    [Fact]
    public void TryCompose_CompoundPrimaryIdentifier_JoinsWithPipeInSchemaOrder()
    {
        var type = Type("AWS::ApiGateway::Resource");
        Assert.Equal(["RestApiId", "ResourceId"], type.PrimaryIdentifier);

        Assert.True(CloudControlIdentifier.TryCompose(type,
            JsonNode.Parse("""{"ResourceId":"res1","PathPart":"x","RestApiId":"api9"}""")!.AsObject(), out var id));
        Assert.Equal("api9|res1", id);
    }

    [Fact]
    public void TryCompose_IdentifierAwsGenerates_IsNotInTheDesiredState()
    {
        Assert.False(CloudControlIdentifier.TryCompose(Type("AWS::EC2::Instance"),
            JsonNode.Parse("""{"ImageId":"ami-1","InstanceType":"t3.micro"}""")!.AsObject(), out _));
    }

    [Fact]
    public void RefValue_TypeWhoseRefDiffersFromItsIdentifier_PicksTheRefPart()
    {
        var type = Type("AWS::ApiGateway::Resource");

        Assert.Equal("res1", CloudControlIdentifier.RefValue(type, "api9|res1", model: null));
        Assert.Equal("res2", CloudControlIdentifier.RefValue(type, "api9|res1", JsonNode.Parse("""{"ResourceId":"res2"}""")!.AsObject()));
    }

    [Fact]
    public void RefValue_TypeWhoseRefIsTheIdentifier_IsTheIdentifier()
    {
        Assert.Equal("CloudControlExample", CloudControlIdentifier.RefValue(Type("AWS::Logs::LogGroup"), "CloudControlExample", null));
    }
}
