using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Strata.Providers.Sandbox.Cost;

/// <summary>
/// Hourly list prices (us-east-1, On-Demand, USD) of what a resource costs just by existing or running.
/// Usage-priced types (S3, SQS, SNS, Lambda, IAM…) cost nothing here; types without a price are reported
/// as unpriced so that the pre-flight check can say so rather than claim they are free.
/// </summary>
public static class PriceList
{
    private const double PublicIpv4Hourly = 0.005;
    private const double NatGatewayHourly = 0.045;
    private const double ApplicationLoadBalancerHourly = 0.0225;
    private const double NetworkLoadBalancerHourly = 0.0225;
    private const double GatewayLoadBalancerHourly = 0.0125;
    private const double ClassicLoadBalancerHourly = 0.025;
    private const double EksClusterHourly = 0.10;
    private const double InterfaceEndpointHourlyPerZone = 0.01;
    private const double DefaultRootVolumeGiB = 8;
    private const double RdsStorageGibMonth = 0.115;
    private const double PostgresPremium = 1.05;

    private static readonly FrozenDictionary<string, double> EbsGibMonth = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["gp3"] = 0.08, ["gp2"] = 0.10, ["io1"] = 0.125, ["io2"] = 0.125, ["st1"] = 0.045, ["sc1"] = 0.015, ["standard"] = 0.05,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // MySQL Single-AZ list prices; PostgreSQL costs about 5% more, Multi-AZ twice as much.
    private static readonly FrozenDictionary<string, double> RdsHourly = new Dictionary<string, double>
    {
        ["db.t3.micro"] = 0.017, ["db.t3.small"] = 0.034, ["db.t3.medium"] = 0.068, ["db.t3.large"] = 0.136,
        ["db.t3.xlarge"] = 0.272, ["db.t3.2xlarge"] = 0.544,
        ["db.t4g.micro"] = 0.016, ["db.t4g.small"] = 0.032, ["db.t4g.medium"] = 0.065, ["db.t4g.large"] = 0.129,
        ["db.m5.large"] = 0.171, ["db.m5.xlarge"] = 0.342, ["db.m5.2xlarge"] = 0.684, ["db.m5.4xlarge"] = 1.368,
        ["db.m6i.large"] = 0.171, ["db.m6i.xlarge"] = 0.342, ["db.m6i.2xlarge"] = 0.684, ["db.m6g.large"] = 0.152,
        ["db.r5.large"] = 0.24, ["db.r5.xlarge"] = 0.48, ["db.r5.2xlarge"] = 0.96, ["db.r5.4xlarge"] = 1.92,
        ["db.r6i.large"] = 0.24, ["db.r6i.xlarge"] = 0.48, ["db.r6g.large"] = 0.215, ["db.r6g.xlarge"] = 0.43,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, double> CacheNodeHourly = new Dictionary<string, double>
    {
        ["cache.t3.micro"] = 0.017, ["cache.t3.small"] = 0.034, ["cache.t3.medium"] = 0.068,
        ["cache.t4g.micro"] = 0.016, ["cache.t4g.small"] = 0.032, ["cache.t4g.medium"] = 0.065,
        ["cache.m5.large"] = 0.156, ["cache.m6g.large"] = 0.149, ["cache.r5.large"] = 0.216, ["cache.r6g.large"] = 0.206,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Flat monthly fees, spread per hour.
    private static readonly FrozenDictionary<string, (string Component, double Monthly)> MonthlyFees = new Dictionary<string, (string, double)>
    {
        ["AWS::KMS::Key"] = ("key", 1.00),
        ["AWS::SecretsManager::Secret"] = ("secret", 0.40),
        ["AWS::Route53::HostedZone"] = ("hosted-zone", 0.50),
        ["AWS::CloudWatch::Alarm"] = ("alarm", 0.10),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> UsageBasedTypes = new[]
    {
        "AWS::S3::Bucket", "AWS::S3::BucketPolicy", "AWS::SQS::Queue", "AWS::SQS::QueuePolicy", "AWS::SNS::Topic", "AWS::SNS::Subscription",
        "AWS::Lambda::Function", "AWS::Lambda::Permission", "AWS::Lambda::Version", "AWS::Lambda::Alias", "AWS::Logs::LogGroup",
        "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::InstanceProfile", "AWS::IAM::User", "AWS::IAM::Group",
        "AWS::IAM::AccessKey", "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress",
        "AWS::EC2::SecurityGroupEgress", "AWS::EC2::InternetGateway", "AWS::EC2::VPCGatewayAttachment", "AWS::EC2::RouteTable",
        "AWS::EC2::Route", "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::NetworkAcl", "AWS::EC2::NetworkAclEntry",
        "AWS::EC2::NetworkInterface", "AWS::EC2::LaunchTemplate", "AWS::EC2::KeyPair", "AWS::EC2::EIPAssociation",
        "AWS::ElasticLoadBalancingV2::TargetGroup", "AWS::ElasticLoadBalancingV2::Listener", "AWS::ElasticLoadBalancingV2::ListenerRule",
        "AWS::ECS::Cluster", "AWS::ECS::TaskDefinition", "AWS::ECR::Repository", "AWS::SSM::Parameter", "AWS::Events::Rule",
        "AWS::StepFunctions::StateMachine", "AWS::ApiGateway::RestApi", "AWS::ApiGateway::Resource", "AWS::ApiGateway::Method",
        "AWS::ApiGateway::Deployment", "AWS::ApiGateway::Stage", "AWS::CloudFront::Distribution", "AWS::Route53::RecordSet",
        "AWS::AutoScaling::AutoScalingGroup", "AWS::AutoScaling::LaunchConfiguration", "AWS::RDS::DBSubnetGroup",
        "AWS::RDS::DBParameterGroup", "AWS::CertificateManager::Certificate", "AWS::DynamoDB::GlobalTable",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The hourly cost of a resource with these properties. <paramref name="model"/> (the created resource's
    /// model) refines it where the cloud decided something the template did not say (a public address).
    /// </summary>
    public static CostEstimate Estimate(string typeName, JsonObject properties, JsonObject? model = null)
    {
        switch (typeName)
        {
            case "AWS::EC2::Instance":
                return Instance(typeName, properties, model);
            case "AWS::EC2::Volume":
                return new(typeName, [Ebs("storage", Text(properties, "VolumeType") ?? "gp2", Number(properties, "Size") ?? 8, Number(properties, "Iops"))], true);
            case "AWS::RDS::DBInstance":
                return Database(typeName, properties);
            case "AWS::EC2::NatGateway":
                return Flat(typeName, "nat-gateway", NatGatewayHourly, "NAT gateway hour");
            case "AWS::EC2::EIP":
                // Since February 2024 AWS charges every public IPv4 address the same, attached or idle.
                var inUse = Text(properties, "InstanceId") is not null || Text(properties, "NetworkInterfaceId") is not null;
                return Flat(typeName, "public-ipv4", PublicIpv4Hourly, inUse ? "Elastic IP hour, in use" : "Elastic IP hour, idle");
            case "AWS::ElasticLoadBalancingV2::LoadBalancer":
                return LoadBalancer(typeName, properties);
            case "AWS::ElasticLoadBalancing::LoadBalancer":
                return Flat(typeName, "load-balancer", ClassicLoadBalancerHourly, "Classic Load Balancer hour");
            case "AWS::EKS::Cluster":
                return Flat(typeName, "cluster", EksClusterHourly, "EKS cluster hour");
            case "AWS::DynamoDB::Table":
                return DynamoTable(typeName, properties);
            case "AWS::ElastiCache::CacheCluster":
                return CacheCluster(typeName, properties);
            case "AWS::EC2::VPCEndpoint":
                return Endpoint(typeName, properties);
        }
        if (MonthlyFees.TryGetValue(typeName, out var fee))
        {
            return Flat(typeName, fee.Component, fee.Monthly / CostEstimate.HoursPerMonth, $"${fee.Monthly:0.00} per month");
        }
        return UsageBasedTypes.Contains(typeName) ? CostEstimate.UsageBased(typeName) : CostEstimate.Unpriced(typeName);
    }

    /// <summary>Whether the price list knows the type (including types priced by usage only).</summary>
    public static bool IsPriced(string typeName) => Estimate(typeName, []).Priced;

    private static CostEstimate Instance(string typeName, JsonObject properties, JsonObject? model)
    {
        var info = Ec2InstanceTypes.Resolve(Text(properties, "InstanceType"));
        var components = new List<CostComponent>
        {
            new("compute", info.HourlyUsd, StopsWithPower: true,
                Ec2InstanceTypes.TryGetListed(info.Name, out _) ? $"{info.Name} On-Demand hour" : $"{info.Name} (estimated from its size) hour"),
        };
        var mapped = false;
        if (properties["BlockDeviceMappings"] is JsonArray mappings)
        {
            foreach (var ebs in mappings.OfType<JsonObject>().Select(m => m["Ebs"]).OfType<JsonObject>())
            {
                components.Add(Ebs("storage", Text(ebs, "VolumeType") ?? "gp2", Number(ebs, "VolumeSize") ?? DefaultRootVolumeGiB, Number(ebs, "Iops")));
                mapped = true;
            }
        }
        if (!mapped)
        {
            components.Add(Ebs("storage", "gp3", DefaultRootVolumeGiB, null));
        }
        if (model is not null && Text(model, "PublicIp") is not null)
        {
            components.Add(new("public-ipv4", PublicIpv4Hourly, StopsWithPower: true, "public IPv4 address hour"));
        }
        return new(typeName, components, true);
    }

    private static CostComponent Ebs(string name, string volumeType, double sizeGiB, double? iops)
    {
        var perGib = EbsGibMonth.GetValueOrDefault(volumeType, EbsGibMonth["gp2"]);
        var monthly = sizeGiB * perGib;
        if (iops is { } provisioned && volumeType.StartsWith("io", StringComparison.OrdinalIgnoreCase))
        {
            monthly += provisioned * 0.065;
        }
        return new(name, monthly / CostEstimate.HoursPerMonth, StopsWithPower: false, $"{sizeGiB:0.##} GiB {volumeType} at ${perGib}/GiB-month");
    }

    private static CostEstimate Database(string typeName, JsonObject properties)
    {
        var instanceClass = Text(properties, "DBInstanceClass") ?? "db.t3.micro";
        var engine = (Text(properties, "Engine") ?? "mysql").ToLowerInvariant();
        var baseRate = RdsHourly.TryGetValue(instanceClass, out var listed)
            ? listed
            : Ec2InstanceTypes.Resolve(instanceClass.StartsWith("db.", StringComparison.Ordinal) ? instanceClass[3..] : instanceClass).HourlyUsd * 1.75;
        var multiAz = JsonValues.TryGetLenientBoolean(properties["MultiAZ"], out var flag) && flag;
        var rate = baseRate * (engine.Contains("postgres", StringComparison.Ordinal) ? PostgresPremium : 1) * (multiAz ? 2 : 1);
        var storage = Number(properties, "AllocatedStorage") ?? 20;
        return new(typeName,
        [
            new("compute", rate, StopsWithPower: true, $"{instanceClass} {engine}{(multiAz ? " Multi-AZ" : "")} hour"),
            new("storage", storage * RdsStorageGibMonth * (multiAz ? 2 : 1) / CostEstimate.HoursPerMonth, StopsWithPower: false,
                $"{storage:0.##} GiB at ${RdsStorageGibMonth}/GiB-month"),
        ], true);
    }

    private static CostEstimate LoadBalancer(string typeName, JsonObject properties)
    {
        var kind = (Text(properties, "Type") ?? "application").ToLowerInvariant();
        var (rate, basis) = kind switch
        {
            "network" => (NetworkLoadBalancerHourly, "Network Load Balancer hour"),
            "gateway" => (GatewayLoadBalancerHourly, "Gateway Load Balancer hour"),
            _ => (ApplicationLoadBalancerHourly, "Application Load Balancer hour"),
        };
        return Flat(typeName, "load-balancer", rate, basis);
    }

    private static CostEstimate DynamoTable(string typeName, JsonObject properties)
    {
        if (string.Equals(Text(properties, "BillingMode"), "PAY_PER_REQUEST", StringComparison.OrdinalIgnoreCase)
            || properties["ProvisionedThroughput"] is not JsonObject throughput)
        {
            return CostEstimate.UsageBased(typeName);
        }
        var reads = Number(throughput, "ReadCapacityUnits") ?? 0;
        var writes = Number(throughput, "WriteCapacityUnits") ?? 0;
        return new(typeName, [new("capacity", reads * 0.00013 + writes * 0.00065, false, $"{reads} RCU and {writes} WCU provisioned")], true);
    }

    private static CostEstimate CacheCluster(string typeName, JsonObject properties)
    {
        var nodeType = Text(properties, "CacheNodeType") ?? "cache.t3.micro";
        var nodes = Number(properties, "NumCacheNodes") ?? 1;
        var rate = CacheNodeHourly.TryGetValue(nodeType, out var listed)
            ? listed
            : Ec2InstanceTypes.Resolve(nodeType.StartsWith("cache.", StringComparison.Ordinal) ? nodeType[6..] : nodeType).HourlyUsd * 1.6;
        return new(typeName, [new("compute", rate * nodes, false, $"{nodes} x {nodeType} node hour")], true);
    }

    private static CostEstimate Endpoint(string typeName, JsonObject properties)
    {
        if (!string.Equals(Text(properties, "VpcEndpointType"), "Interface", StringComparison.OrdinalIgnoreCase))
        {
            return CostEstimate.UsageBased(typeName);
        }
        var zones = properties["SubnetIds"] is JsonArray subnets ? Math.Max(1, subnets.Count) : 1;
        return Flat(typeName, "endpoint", InterfaceEndpointHourlyPerZone * zones, $"interface endpoint hour in {zones} zone(s)");
    }

    private static CostEstimate Flat(string typeName, string component, double hourly, string basis) =>
        new(typeName, [new(component, hourly, StopsWithPower: false, basis)], true);

    private static string? Text(JsonObject obj, string name)
    {
        var text = JsonValues.ScalarText(obj[name]);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static double? Number(JsonObject obj, string name) =>
        JsonValues.TryGetLenientNumber(obj[name], out var n) ? n : null;
}
