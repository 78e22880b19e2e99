namespace Strata.Engine.Execution;

/// <summary>
/// How long one create / update / delete may take before the engine calls it hung. Baselines are the slow
/// end of what AWS takes per type (so a real deployment is not cut short); everything else gets 30 minutes.
/// </summary>
public static class ResourceTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromMinutes(30);

    private static readonly Dictionary<string, TimeSpan> Baselines = new(StringComparer.Ordinal)
    {
        ["AWS::RDS::DBInstance"] = TimeSpan.FromMinutes(90),
        ["AWS::RDS::DBCluster"] = TimeSpan.FromMinutes(90),
        ["AWS::Redshift::Cluster"] = TimeSpan.FromMinutes(60),
        ["AWS::OpenSearchService::Domain"] = TimeSpan.FromMinutes(90),
        ["AWS::Elasticsearch::Domain"] = TimeSpan.FromMinutes(90),
        ["AWS::ElastiCache::ReplicationGroup"] = TimeSpan.FromMinutes(60),
        ["AWS::ElastiCache::CacheCluster"] = TimeSpan.FromMinutes(45),
        ["AWS::CloudFront::Distribution"] = TimeSpan.FromMinutes(60),
        ["AWS::EKS::Cluster"] = TimeSpan.FromMinutes(45),
        ["AWS::EKS::Nodegroup"] = TimeSpan.FromMinutes(45),
        ["AWS::MSK::Cluster"] = TimeSpan.FromMinutes(60),
        ["AWS::EC2::NatGateway"] = TimeSpan.FromMinutes(20),
        ["AWS::EC2::Instance"] = TimeSpan.FromMinutes(20),
        ["AWS::EC2::VPC"] = TimeSpan.FromMinutes(10),
        ["AWS::EC2::Subnet"] = TimeSpan.FromMinutes(10),
        ["AWS::EC2::SecurityGroup"] = TimeSpan.FromMinutes(10),
        ["AWS::IAM::Role"] = TimeSpan.FromMinutes(10),
        ["AWS::IAM::Policy"] = TimeSpan.FromMinutes(10),
        ["AWS::S3::Bucket"] = TimeSpan.FromMinutes(10),
        ["AWS::SQS::Queue"] = TimeSpan.FromMinutes(10),
        ["AWS::SNS::Topic"] = TimeSpan.FromMinutes(10),
        ["AWS::Lambda::Function"] = TimeSpan.FromMinutes(15),
        ["AWS::DynamoDB::Table"] = TimeSpan.FromMinutes(30),
    };

    /// <summary>The baseline for <paramref name="type"/>, scaled or overridden by <paramref name="options"/>.</summary>
    public static TimeSpan For(string type, EngineOptions options)
    {
        if (options.ResourceTimeout is { } fixedTimeout)
        {
            return fixedTimeout;
        }
        var baseline = Baselines.GetValueOrDefault(type, Default);
        return TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (long)(baseline.Ticks * options.TimeoutScale)));
    }

    /// <summary>"30m", "1h30m", "2.5s": how timeouts read in messages.</summary>
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1))
        {
            return $"{span.TotalMilliseconds:0}ms";
        }
        if (span < TimeSpan.FromMinutes(1))
        {
            return span.TotalSeconds % 1 == 0 ? $"{span.TotalSeconds:0}s" : $"{span.TotalSeconds:0.#}s";
        }
        var text = "";
        if (span.Hours + span.Days * 24 > 0) text += $"{span.Hours + span.Days * 24}h";
        if (span.Minutes > 0) text += $"{span.Minutes}m";
        if (span.Seconds > 0) text += $"{span.Seconds}s";
        return text;
    }
}
