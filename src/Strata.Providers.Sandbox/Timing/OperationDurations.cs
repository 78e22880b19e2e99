using System.Collections.Frozen;

namespace Strata.Providers.Sandbox.Timing;

/// <summary>How long an operation typically takes on AWS, in seconds (the sandbox picks within the range).</summary>
public readonly record struct DurationRange(double MinSeconds, double MaxSeconds)
{
    public double Pick(double unitRandom) => MinSeconds + (MaxSeconds - MinSeconds) * unitRandom;
}

/// <summary>
/// Per-type baselines of how long CloudFormation takes to create, update and delete common resources
/// (observed stack-event timings; e.g. instance profiles really do take about two minutes because
/// CloudFormation waits for IAM propagation). Types not listed take a few seconds. Public so that the
/// engine can derive default timeouts and ETAs from the same table.
/// </summary>
public static class OperationDurations
{
    private sealed record Baseline(DurationRange Create, DurationRange Update, DurationRange Delete);

    private static readonly Baseline Default = Same(2, 5);

    private static readonly FrozenDictionary<string, Baseline> Table = new Dictionary<string, Baseline>
    {
        ["AWS::EC2::Instance"] = new(new(30, 60), new(20, 60), new(30, 60)),
        ["AWS::EC2::VPC"] = Same(2, 5),
        ["AWS::EC2::Subnet"] = Same(3, 6),
        ["AWS::EC2::SecurityGroup"] = new(new(3, 6), new(2, 4), new(2, 5)),
        ["AWS::EC2::SecurityGroupIngress"] = Same(1, 3),
        ["AWS::EC2::SecurityGroupEgress"] = Same(1, 3),
        ["AWS::EC2::InternetGateway"] = Same(2, 4),
        ["AWS::EC2::VPCGatewayAttachment"] = new(new(15, 20), new(15, 20), new(15, 30)),
        ["AWS::EC2::RouteTable"] = Same(2, 4),
        ["AWS::EC2::Route"] = Same(2, 4),
        ["AWS::EC2::SubnetRouteTableAssociation"] = Same(2, 4),
        ["AWS::EC2::EIP"] = Same(2, 5),
        ["AWS::EC2::EIPAssociation"] = Same(2, 5),
        ["AWS::EC2::NatGateway"] = new(new(60, 120), new(2, 5), new(30, 60)),
        ["AWS::EC2::Volume"] = new(new(5, 10), new(5, 15), new(5, 10)),
        ["AWS::EC2::VolumeAttachment"] = Same(5, 15),
        ["AWS::EC2::NetworkInterface"] = Same(2, 5),
        ["AWS::EC2::LaunchTemplate"] = Same(1, 3),
        ["AWS::EC2::VPCEndpoint"] = new(new(60, 120), new(10, 30), new(30, 90)),
        ["AWS::EC2::TransitGateway"] = new(new(120, 300), new(30, 60), new(60, 180)),
        ["AWS::RDS::DBInstance"] = new(new(300, 600), new(120, 600), new(180, 420)),
        ["AWS::RDS::DBCluster"] = new(new(120, 300), new(60, 300), new(60, 180)),
        ["AWS::RDS::DBSubnetGroup"] = Same(1, 3),
        ["AWS::RDS::DBParameterGroup"] = Same(1, 3),
        ["AWS::CloudFront::Distribution"] = new(new(180, 300), new(180, 300), new(180, 300)),
        ["AWS::IAM::Role"] = new(new(8, 12), new(3, 8), new(2, 5)),
        ["AWS::IAM::InstanceProfile"] = new(new(100, 140), new(100, 140), new(100, 140)),
        ["AWS::IAM::Policy"] = new(new(8, 15), new(8, 15), new(2, 5)),
        ["AWS::IAM::ManagedPolicy"] = new(new(5, 10), new(5, 10), new(2, 5)),
        ["AWS::IAM::User"] = Same(2, 5),
        ["AWS::S3::Bucket"] = new(new(2, 4), new(2, 4), new(1, 2)),
        ["AWS::S3::BucketPolicy"] = Same(1, 2),
        ["AWS::SQS::Queue"] = new(new(1, 2), new(1, 2), new(1, 2)),
        ["AWS::SNS::Topic"] = Same(1, 3),
        ["AWS::SNS::Subscription"] = Same(1, 3),
        ["AWS::Lambda::Function"] = new(new(5, 15), new(3, 10), new(2, 5)),
        ["AWS::Lambda::Permission"] = Same(1, 3),
        ["AWS::DynamoDB::Table"] = new(new(10, 30), new(5, 30), new(5, 15)),
        ["AWS::ElasticLoadBalancingV2::LoadBalancer"] = new(new(120, 200), new(5, 20), new(10, 30)),
        ["AWS::ElasticLoadBalancingV2::TargetGroup"] = Same(1, 3),
        ["AWS::ElasticLoadBalancingV2::Listener"] = Same(1, 3),
        ["AWS::ElasticLoadBalancingV2::ListenerRule"] = Same(1, 3),
        ["AWS::ElasticLoadBalancing::LoadBalancer"] = new(new(30, 60), new(5, 20), new(10, 30)),
        ["AWS::AutoScaling::AutoScalingGroup"] = new(new(60, 180), new(30, 120), new(60, 180)),
        ["AWS::AutoScaling::LaunchConfiguration"] = Same(2, 5),
        ["AWS::ECS::Cluster"] = Same(5, 10),
        ["AWS::ECS::Service"] = new(new(60, 180), new(60, 180), new(60, 180)),
        ["AWS::ECS::TaskDefinition"] = Same(1, 3),
        ["AWS::EKS::Cluster"] = new(new(600, 900), new(300, 900), new(300, 600)),
        ["AWS::EKS::Nodegroup"] = new(new(180, 300), new(120, 600), new(180, 360)),
        ["AWS::ElastiCache::CacheCluster"] = new(new(300, 600), new(120, 600), new(180, 420)),
        ["AWS::ElastiCache::ReplicationGroup"] = new(new(600, 900), new(300, 900), new(300, 600)),
        ["AWS::OpenSearchService::Domain"] = new(new(600, 1200), new(600, 1800), new(300, 900)),
        ["AWS::Elasticsearch::Domain"] = new(new(600, 1200), new(600, 1800), new(300, 900)),
        ["AWS::Redshift::Cluster"] = new(new(300, 600), new(300, 900), new(180, 420)),
        ["AWS::Route53::HostedZone"] = Same(30, 60),
        ["AWS::Route53::RecordSet"] = Same(30, 60),
        ["AWS::CertificateManager::Certificate"] = new(new(60, 300), new(5, 10), new(5, 10)),
        ["AWS::KMS::Key"] = new(new(2, 5), new(2, 5), new(2, 5)),
        ["AWS::Logs::LogGroup"] = Same(1, 2),
        ["AWS::SecretsManager::Secret"] = Same(2, 4),
        ["AWS::SSM::Parameter"] = Same(1, 2),
        ["AWS::CloudWatch::Alarm"] = Same(1, 3),
        ["AWS::ApiGateway::RestApi"] = Same(1, 3),
        ["AWS::ApiGateway::Deployment"] = Same(2, 5),
        ["AWS::StepFunctions::StateMachine"] = Same(2, 5),
        ["AWS::Events::Rule"] = Same(1, 3),
        ["AWS::ECR::Repository"] = Same(1, 3),
        ["AWS::EFS::FileSystem"] = new(new(10, 30), new(5, 10), new(5, 15)),
        ["AWS::EFS::MountTarget"] = new(new(60, 120), new(30, 60), new(30, 90)),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The typical duration of an operation on a type (a few seconds for types not in the table).</summary>
    public static DurationRange For(string typeName, OperationKind kind)
    {
        var baseline = Table.GetValueOrDefault(typeName, Default);
        return kind switch
        {
            OperationKind.Create => baseline.Create,
            OperationKind.Update => baseline.Update,
            _ => baseline.Delete,
        };
    }

    /// <summary>Whether the table has a measured baseline for the type (rather than the default).</summary>
    public static bool HasBaseline(string typeName) => Table.ContainsKey(typeName);

    private static Baseline Same(double min, double max) => new(new(min, max), new(min, max), new(min, max));
}
