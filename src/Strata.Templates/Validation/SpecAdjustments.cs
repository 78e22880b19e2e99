using System.Collections.Frozen;
using Strata.Templates.Spec;

namespace Strata.Templates.Validation;

/// <summary>
/// Where CloudFormation's behaviour differs from what the specification lists: attributes Fn::GetAtt accepts
/// beyond the specification's, and properties that take any value. The lists follow cfn-lint's (MIT-0), which
/// records what CloudFormation actually accepts.
/// </summary>
internal static class SpecAdjustments
{
    // Older resource types whose every property can also be read with Fn::GetAtt (e.g. AWS::SQS::Queue.QueueName).
    private static readonly FrozenSet<string> PropertiesAreAttributes = FrozenSet.ToFrozenSet(
    [
        "AWS::Amplify::Branch", "AWS::Amplify::Domain", "AWS::AppSync::DomainName",
        "AWS::AppSync::FunctionConfiguration", "AWS::AppSync::Resolver", "AWS::AutoScaling::AutoScalingGroup",
        "AWS::Backup::BackupSelection", "AWS::Backup::BackupVault", "AWS::Backup::LogicallyAirGappedBackupVault",
        "AWS::CodeArtifact::Domain", "AWS::CodeArtifact::Repository", "AWS::EC2::CapacityReservation",
        "AWS::EC2::Instance", "AWS::EC2::SecurityGroup", "AWS::EC2::Subnet",
        "AWS::EC2::VPC", "AWS::EFS::MountTarget", "AWS::EKS::Nodegroup",
        "AWS::ElastiCache::ReplicationGroup", "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::Events::EventBus",
        "AWS::EventSchemas::Discoverer", "AWS::EventSchemas::Registry", "AWS::EventSchemas::Schema",
        "AWS::GameLift::GameSessionQueue", "AWS::GameLift::MatchmakingConfiguration", "AWS::GameLift::MatchmakingRuleSet",
        "AWS::Grafana::Workspace", "AWS::Greengrass::ConnectorDefinition", "AWS::Greengrass::CoreDefinition",
        "AWS::Greengrass::DeviceDefinition", "AWS::Greengrass::FunctionDefinition", "AWS::Greengrass::Group",
        "AWS::Greengrass::LoggerDefinition", "AWS::Greengrass::ResourceDefinition", "AWS::Greengrass::SubscriptionDefinition",
        "AWS::ImageBuilder::Component", "AWS::ImageBuilder::ContainerRecipe", "AWS::ImageBuilder::DistributionConfiguration",
        "AWS::ImageBuilder::ImagePipeline", "AWS::ImageBuilder::ImageRecipe", "AWS::ImageBuilder::InfrastructureConfiguration",
        "AWS::ManagedBlockchain::Node", "AWS::Neptune::DBCluster", "AWS::RDS::DBInstance",
        "AWS::RDS::DBParameterGroup", "AWS::RedshiftServerless::Workgroup", "AWS::RoboMaker::RobotApplication",
        "AWS::RoboMaker::SimulationApplication", "AWS::Route53Resolver::ResolverRule", "AWS::Route53Resolver::ResolverRuleAssociation",
        "AWS::S3::AccessPoint", "AWS::SageMaker::DataQualityJobDefinition", "AWS::SageMaker::ModelBiasJobDefinition",
        "AWS::SageMaker::ModelExplainabilityJobDefinition", "AWS::SageMaker::ModelQualityJobDefinition", "AWS::SageMaker::MonitoringSchedule",
        "AWS::SNS::Topic", "AWS::SQS::Queue", "AWS::SSM::Parameter",
        "AWS::StepFunctions::Activity",
    ], StringComparer.Ordinal);

    // Further attributes of types whose specification lists fewer than CloudFormation returns.
    private static readonly FrozenDictionary<string, string[]> ExtraAttributes =
        new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["AWS::AppMesh::GatewayRoute"] = ["GatewayRouteName", "MeshName", "MeshOwner", "VirtualGatewayName"],
            ["AWS::AppMesh::Mesh"] = ["MeshName"],
            ["AWS::AppMesh::Route"] = ["MeshName", "MeshOwner", "RouteName", "VirtualRouterName"],
            ["AWS::AppMesh::VirtualGateway"] = ["MeshName", "MeshOwner", "VirtualGatewayName"],
            ["AWS::AppMesh::VirtualNode"] = ["MeshName", "MeshOwner", "VirtualNodeName"],
            ["AWS::AppMesh::VirtualRouter"] = ["MeshName", "MeshOwner", "VirtualRouterName"],
            ["AWS::AppMesh::VirtualService"] = ["MeshName", "MeshOwner", "VirtualServiceName"],
            ["AWS::AppSync::DataSource"] = ["Name"],
            ["AWS::Cloud9::EnvironmentEC2"] = ["Name"],
            ["AWS::CloudWatch::InsightRule"] = ["RuleName"],
            ["AWS::DocDB::DBCluster"] = ["Port"],
            ["AWS::Greengrass::ConnectorDefinition"] = ["Name"],
            ["AWS::Greengrass::CoreDefinition"] = ["Name"],
            ["AWS::Greengrass::DeviceDefinition"] = ["Name"],
            ["AWS::Greengrass::FunctionDefinition"] = ["Name"],
            ["AWS::Greengrass::Group"] = ["Name", "RoleArn"],
            ["AWS::Greengrass::LoggerDefinition"] = ["Name"],
            ["AWS::Greengrass::ResourceDefinition"] = ["Name"],
            ["AWS::Greengrass::SubscriptionDefinition"] = ["Name"],
            ["AWS::IoT1Click::Device"] = ["Enabled"],
            ["AWS::IoT1Click::Placement"] = ["PlacementName", "ProjectName"],
            ["AWS::IoT1Click::Project"] = ["ProjectName"],
            ["AWS::Kinesis::StreamConsumer"] = ["ConsumerName", "StreamARN"],
            ["AWS::ManagedBlockchain::Member"] = ["NetworkId"],
            ["AWS::MediaConvert::JobTemplate"] = ["Name"],
            ["AWS::MediaConvert::Preset"] = ["Name"],
            ["AWS::MediaConvert::Queue"] = ["Name"],
            ["AWS::MediaLive::Input"] = ["Destinations", "Sources"],
            ["AWS::OpsWorks::Instance"] = ["AvailabilityZone"],
            ["AWS::OpsWorks::UserProfile"] = ["SshUsername"],
            ["AWS::Route53Resolver::ResolverEndpoint"] = ["Direction", "Name"],
            ["AWS::SageMaker::CodeRepository"] = ["CodeRepositoryName"],
            ["AWS::SageMaker::Endpoint"] = ["EndpointName"],
            ["AWS::SageMaker::EndpointConfig"] = ["EndpointConfigName"],
            ["AWS::SageMaker::Model"] = ["ModelName"],
            ["AWS::SageMaker::NotebookInstance"] = ["NotebookInstanceName"],
            ["AWS::SageMaker::NotebookInstanceLifecycleConfig"] = ["NotebookInstanceLifecycleConfigName"],
            ["AWS::SageMaker::Workteam"] = ["WorkteamName"],
            ["AWS::ServiceDiscovery::Service"] = ["Name"],
            ["AWS::Transfer::User"] = ["ServerId", "UserName"],
        }.ToFrozenDictionary(StringComparer.Ordinal);

    // Maps whose values CloudFormation turns into strings itself, so numbers, booleans, lists and objects are
    // accepted there (resource type | owning property type, empty at the top | property).
    private static readonly FrozenSet<string> AnyValueMaps = FrozenSet.ToFrozenSet(
    [
        "AWS::Lambda::Function|Environment|Variables",
        "AWS::ApiGatewayV2::Stage||StageVariables",
        "AWS::AppSync::GraphQLApi||EnvironmentVariables",
        "AWS::Greengrass::FunctionDefinition|Environment|Variables",
        "AWS::Greengrass::FunctionDefinitionVersion|Environment|Variables",
    ], StringComparer.Ordinal);

    /// <summary>Whether Fn::GetAtt may read <paramref name="attribute"/> of a resource of this type.</summary>
    public static bool HasAttribute(ResourceTypeSpec type, string attribute)
    {
        if (type.Attributes.ContainsKey(attribute))
        {
            return true;
        }

        // Stack outputs are attributes too, named by the nested template rather than the specification.
        if (type.Name is "AWS::CloudFormation::Stack" or "AWS::ServiceCatalog::CloudFormationProvisionedProduct"
            && attribute.StartsWith("Outputs.", StringComparison.Ordinal))
        {
            return true;
        }

        if (PropertiesAreAttributes.Contains(type.Name))
        {
            var dot = attribute.IndexOf('.');
            if (type.Properties.ContainsKey(dot < 0 ? attribute : attribute[..dot]))
            {
                return true;
            }
        }

        return ExtraAttributes.TryGetValue(type.Name, out var extra) && Array.IndexOf(extra, attribute) >= 0;
    }

    /// <summary>Whether the map property takes values of any type (see <see cref="AnyValueMaps"/>).</summary>
    public static bool TakesAnyValues(string resourceType, string? owningType, string property) =>
        AnyValueMaps.Contains($"{resourceType}|{owningType}|{property}");
}
