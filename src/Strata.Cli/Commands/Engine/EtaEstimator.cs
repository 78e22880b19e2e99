using System.Collections.Concurrent;

namespace Strata.Cli.Commands.Engine;

/// <summary>
/// Guesses how long a resource operation takes: what the same type took earlier in this run, else a
/// typical AWS duration divided by the sandbox speed.
/// </summary>
public sealed class EtaEstimator(double speed)
{
    private static readonly Dictionary<string, double> TypicalSeconds = new(StringComparer.Ordinal)
    {
        ["AWS::EC2::VPC"] = 5,
        ["AWS::EC2::Subnet"] = 5,
        ["AWS::EC2::SecurityGroup"] = 6,
        ["AWS::EC2::InternetGateway"] = 5,
        ["AWS::EC2::VPCGatewayAttachment"] = 15,
        ["AWS::EC2::RouteTable"] = 5,
        ["AWS::EC2::Route"] = 5,
        ["AWS::EC2::NatGateway"] = 90,
        ["AWS::EC2::Instance"] = 45,
        ["AWS::EC2::EIP"] = 5,
        ["AWS::RDS::DBInstance"] = 600,
        ["AWS::RDS::DBCluster"] = 600,
        ["AWS::S3::Bucket"] = 5,
        ["AWS::SQS::Queue"] = 5,
        ["AWS::SNS::Topic"] = 5,
        ["AWS::IAM::Role"] = 15,
        ["AWS::Lambda::Function"] = 10,
        ["AWS::DynamoDB::Table"] = 20,
        ["AWS::CloudFront::Distribution"] = 300,
        ["AWS::ElasticLoadBalancingV2::LoadBalancer"] = 180,
    };

    private readonly ConcurrentDictionary<string, TimeSpan> _observed = new(StringComparer.Ordinal);

    public void Observe(string type, TimeSpan took) => _observed[type] = took;

    public TimeSpan Expected(string type) =>
        _observed.TryGetValue(type, out var seen) ? seen : TimeSpan.FromSeconds(TypicalSeconds.GetValueOrDefault(type, 10) / Math.Max(speed, 0.001));

    /// <summary>Time left for an operation running for <paramref name="elapsed"/>; null when it is overdue (no honest guess).</summary>
    public TimeSpan? Remaining(string type, TimeSpan elapsed)
    {
        var left = Expected(type) - elapsed;
        return left > TimeSpan.Zero ? left : null;
    }
}
