using System.Collections.Frozen;

namespace Strata.Providers.Sandbox.Quotas;

/// <summary>What a quota counts within.</summary>
public enum QuotaScope
{
    /// <summary>Per region of the account.</summary>
    Region,

    /// <summary>Per account, across regions (IAM, S3, CloudFront).</summary>
    Account,

    /// <summary>Per VPC or availability zone of the account (the resource's scope).</summary>
    Container,
}

/// <summary>What a quota counts.</summary>
public enum QuotaUnit
{
    Resources,

    /// <summary>vCPUs of running (not stopped) On-Demand instances.</summary>
    Vcpus,
}

/// <summary>One account quota, at AWS's documented default value.</summary>
public sealed record QuotaDefinition(string TypeName, string Name, int Value, QuotaScope Scope = QuotaScope.Region, QuotaUnit Unit = QuotaUnit.Resources);

/// <summary>
/// The default service quotas of a new AWS account for common types (Service Quotas' default values;
/// S3's is the 10,000 buckets in force since late 2024). The settings file replaces a value by type;
/// a type not listed here gets a per-region count quota when the settings file names one.
/// </summary>
public static class QuotaTable
{
    private static readonly FrozenDictionary<string, QuotaDefinition> Defaults = new QuotaDefinition[]
    {
        new("AWS::EC2::VPC", "VPCs per Region", 5),
        new("AWS::EC2::InternetGateway", "Internet gateways per Region", 5),
        new("AWS::EC2::EgressOnlyInternetGateway", "Egress-only internet gateways per Region", 5),
        new("AWS::EC2::EIP", "EC2-VPC Elastic IPs", 5),
        new("AWS::EC2::NatGateway", "NAT gateways per Availability Zone", 5, QuotaScope.Container),
        new("AWS::EC2::Subnet", "Subnets per VPC", 200, QuotaScope.Container),
        new("AWS::EC2::RouteTable", "Route tables per VPC", 200, QuotaScope.Container),
        new("AWS::EC2::NetworkAcl", "Network ACLs per VPC", 200, QuotaScope.Container),
        new("AWS::EC2::SecurityGroup", "VPC security groups per Region", 2500),
        new("AWS::EC2::NetworkInterface", "Network interfaces per Region", 5000),
        new("AWS::EC2::Instance", "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances", 1152, Unit: QuotaUnit.Vcpus),
        new("AWS::EC2::LaunchTemplate", "Launch templates per Region", 5000),
        new("AWS::EC2::KeyPair", "Key pairs per Region", 5000),
        new("AWS::EC2::TransitGateway", "Transit gateways per account", 5),
        new("AWS::S3::Bucket", "General purpose buckets", 10000, QuotaScope.Account),
        new("AWS::IAM::Role", "Roles per account", 1000, QuotaScope.Account),
        new("AWS::IAM::User", "Users per account", 5000, QuotaScope.Account),
        new("AWS::IAM::Group", "Groups per account", 300, QuotaScope.Account),
        new("AWS::IAM::InstanceProfile", "Instance profiles per account", 1000, QuotaScope.Account),
        new("AWS::IAM::ManagedPolicy", "Customer managed policies per account", 1500, QuotaScope.Account),
        new("AWS::RDS::DBInstance", "DB instances", 40),
        new("AWS::RDS::DBCluster", "DB clusters", 40),
        new("AWS::RDS::DBSubnetGroup", "DB subnet groups", 50),
        new("AWS::DynamoDB::Table", "Maximum number of tables", 2500),
        new("AWS::ElasticLoadBalancingV2::LoadBalancer", "Application and Network Load Balancers per Region", 50),
        new("AWS::ElasticLoadBalancingV2::TargetGroup", "Target Groups per Region", 3000),
        new("AWS::ElasticLoadBalancing::LoadBalancer", "Classic Load Balancers per Region", 20),
        new("AWS::AutoScaling::AutoScalingGroup", "Auto Scaling groups per region", 500),
        new("AWS::SNS::Topic", "Topics per account", 100000),
        new("AWS::CloudFront::Distribution", "Web distributions per AWS account", 200, QuotaScope.Account),
        new("AWS::Route53::HostedZone", "Hosted zones", 500, QuotaScope.Account),
        new("AWS::ECS::Cluster", "Clusters per account", 10000),
        new("AWS::EKS::Cluster", "Clusters", 100),
        new("AWS::ElastiCache::CacheCluster", "Nodes per Region", 300),
        new("AWS::KMS::Key", "Customer managed keys", 100000),
        new("AWS::Lambda::EventSourceMapping", "Event source mappings", 50000),
    }.ToFrozenDictionary(q => q.TypeName, StringComparer.Ordinal);

    public static IEnumerable<QuotaDefinition> All => Defaults.Values.OrderBy(q => q.TypeName, StringComparer.Ordinal);

    /// <summary>The quota on a type, with a settings override applied; null when the type has none.</summary>
    public static QuotaDefinition? For(string typeName, IReadOnlyDictionary<string, int> overrides)
    {
        var quota = Defaults.GetValueOrDefault(typeName);
        if (!overrides.TryGetValue(typeName, out var value))
        {
            return quota;
        }
        return quota is null
            ? new QuotaDefinition(typeName, $"{typeName} resources per Region", value)
            : quota with { Value = value };
    }
}
