using Strata.Templates.Spec;

namespace Strata.Templates.Tests.Spec;

/// <summary>
/// Facts about well-known types, as stated in db.json.gz of the pinned package (each was read from the db
/// when written; ServiceSpecDbRoundTripTests re-checks the whole file against the db when it is installed).
/// </summary>
public sealed class KnownResourceFactsTests
{
    private static ResourceTypeSpec Type(string name)
    {
        Assert.True(ResourceSpecification.Default.TryGetType(name, out var type), $"{name} is missing");
        return type;
    }

    [Fact]
    public void Ec2Instance_ImageId_IsAnOptionalStringThatReplacesTheInstance()
    {
        var imageId = Type("AWS::EC2::Instance").Properties["ImageId"];

        Assert.Equal(TypeSpec.String, imageId.Type);
        Assert.False(imageId.Required);
        Assert.Equal(Replacement.Immutable, imageId.Replacement);
        Assert.Null(imageId.AllowedValues);
    }

    [Fact]
    public void Ec2Instance_InstanceTypeAndDisableApiTermination_HaveConditionalAndNoReplacement()
    {
        var instance = Type("AWS::EC2::Instance");

        Assert.Equal(Replacement.Conditional, instance.Properties["InstanceType"].Replacement);
        Assert.Equal(Replacement.Mutable, instance.Properties["DisableApiTermination"].Replacement);
        Assert.Equal(TypeSpec.Boolean, instance.Properties["DisableApiTermination"].Type);
    }

    [Fact]
    public void Ec2Instance_Affinity_HasTheDbsAllowedValues()
    {
        var affinity = Type("AWS::EC2::Instance").Properties["Affinity"];

        Assert.Equal(["default", "host"], affinity.AllowedValues);
        Assert.Equal(new PrimitiveTypeSpec(PrimitiveKind.String, ["default", "host"]), affinity.Type);
    }

    [Fact]
    public void LogGroup_RetentionInDays_IsAnIntegerEnumeration()
    {
        var retention = Type("AWS::Logs::LogGroup").Properties["RetentionInDays"];

        var integer = Assert.IsType<PrimitiveTypeSpec>(retention.Type);
        Assert.Equal(PrimitiveKind.Integer, integer.Kind);
        Assert.Contains("1", retention.AllowedValues!);
        Assert.Contains("3653", retention.AllowedValues!);
        Assert.DoesNotContain("2", retention.AllowedValues!);
    }

    [Fact]
    public void Ec2Instance_BlockDeviceMappings_IsAListOfANestedTypeThatNestsFurther()
    {
        var instance = Type("AWS::EC2::Instance");

        var list = Assert.IsType<ListTypeSpec>(instance.Properties["BlockDeviceMappings"].Type);
        var mappingName = Assert.IsType<NamedTypeSpec>(list.Item);
        Assert.True(instance.TryGetPropertyType(mappingName, out var mapping));
        Assert.Equal("BlockDeviceMapping", mapping.Name);
        Assert.Equal(TypeSpec.String, mapping.Properties["DeviceName"].Type);
        var ebs = Assert.IsType<NamedTypeSpec>(mapping.Properties["Ebs"].Type);
        Assert.True(instance.TryGetPropertyType(ebs, out var ebsType));
        Assert.Contains("VolumeSize", ebsType.Properties.Keys);
    }

    [Fact]
    public void Ec2Instance_Tags_IsAListOfTheBuiltInTagType()
    {
        var instance = Type("AWS::EC2::Instance");

        Assert.Equal(new ListTypeSpec(TypeSpec.Tag), instance.Properties["Tags"].Type);
        Assert.Equal(new TagInformation("Tags", TagVariant.Standard), instance.TagInformation);
        Assert.True(instance.IsTaggable);
    }

    [Fact]
    public void TagType_Properties_AreARequiredStringKeyAndValue()
    {
        Assert.Equal(["Key", "Value"], TagTypeSpec.Properties.Keys);
        Assert.All(TagTypeSpec.Properties.Values, property =>
        {
            Assert.True(property.Required);
            Assert.Equal(TypeSpec.String, property.Type);
        });
    }

    [Fact]
    public void SsmParameter_Tags_IsAMapOfStrings()
    {
        var parameter = Type("AWS::SSM::Parameter");

        Assert.Equal(new MapTypeSpec(TypeSpec.String), parameter.Properties["Tags"].Type);
        Assert.Equal(TagVariant.Map, parameter.TagInformation?.Variant);
    }

    [Fact]
    public void S3Bucket_Attributes_IncludeArnAndDomainName()
    {
        var bucket = Type("AWS::S3::Bucket");

        Assert.Equal(TypeSpec.String, bucket.Attributes["Arn"].Type);
        Assert.Contains("DomainName", bucket.Attributes.Keys);
        Assert.Equal(["BucketName"], bucket.PrimaryIdentifier);
        Assert.Equal("arn:${Partition}:s3:::${BucketName}", bucket.ArnTemplate);
    }

    [Fact]
    public void RdsDbInstance_Attributes_IncludeDottedNames()
    {
        var attributes = Type("AWS::RDS::DBInstance").Attributes;

        Assert.Equal("Endpoint.Address", attributes["Endpoint.Address"].Name);
        Assert.Contains("Endpoint.Port", attributes.Keys);
    }

    [Fact]
    public void SqsQueue_PrimaryIdentifier_IsQueueUrl()
    {
        var queue = Type("AWS::SQS::Queue");

        Assert.Equal(["QueueUrl"], queue.PrimaryIdentifier);
        Assert.Null(queue.RefIdentifier);
    }

    [Fact]
    public void IamRole_AssumeRolePolicyDocument_IsARequiredJsonOrString()
    {
        var document = Type("AWS::IAM::Role").Properties["AssumeRolePolicyDocument"];

        Assert.True(document.Required);
        Assert.Equal(new UnionTypeSpec([TypeSpec.Json, TypeSpec.String]), document.Type);
    }

    [Fact]
    public void ApiGatewayMethod_RequestParameters_AcceptsItsPreviousMapOfBooleans()
    {
        var parameters = Type("AWS::ApiGateway::Method").Properties["RequestParameters"];
        var current = new MapTypeSpec(new UnionTypeSpec([TypeSpec.Boolean, TypeSpec.String]));

        Assert.Equal(current, parameters.DeclaredType);
        Assert.Equal(new UnionTypeSpec([current, new MapTypeSpec(TypeSpec.Boolean)]), parameters.Type);
    }

    [Fact]
    public void ServerlessFunction_RequiresTheSamTransformAndHasNoPrimaryIdentifier()
    {
        var function = Type("AWS::Serverless::Function");

        Assert.Equal("AWS::Serverless-2016-10-31", function.RequiredTransform);
        Assert.Empty(function.PrimaryIdentifier);
        Assert.Null(function.DocumentationUrl);
    }

    [Fact]
    public void DocumentationUrl_AwsType_PointsAtTheTemplateReference()
    {
        Assert.Equal("https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html",
            Type("AWS::EC2::Instance").DocumentationUrl);
    }

    [Fact]
    public void EfsAccessPoint_AdditionalReplacementPaths_AreListedOnceEach()
    {
        var paths = Type("AWS::EFS::AccessPoint").AdditionalReplacementPaths;

        Assert.Equal(3, paths.Count);
        Assert.Contains(paths, path => path.SequenceEqual(["CreationInfo", "OwnerUid"]));
    }

    [Fact]
    public void ElastiCacheCluster_CacheSecurityGroupNames_IsDeprecated()
    {
        var cluster = Type("AWS::ElastiCache::CacheCluster");

        Assert.True(cluster.Properties["CacheSecurityGroupNames"].Deprecated);
        Assert.False(cluster.Properties["CacheNodeType"].Deprecated);
    }
}
