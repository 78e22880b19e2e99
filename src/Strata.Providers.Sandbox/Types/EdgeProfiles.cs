using System.Text.Json.Nodes;
using Strata.Providers.Sandbox.Identity;

namespace Strata.Providers.Sandbox.Types;

/// <summary>Load balancers, target groups, listeners, CloudFront and Route 53: ARNs with hex suffixes and DNS names.</summary>
internal static class EdgeProfiles
{
    // Route 53 zones of load balancer DNS names in us-east-1 (CanonicalHostedZoneID).
    private const string AlbZoneUsEast1 = "Z35SXDOTRQ7X7K";
    private const string NlbZoneUsEast1 = "Z26RNL4JYFTOTI";
    private const string CloudFrontZone = "Z2FDTNDATAQYW2";

    public static void Register(Dictionary<string, TypeProfile> profiles)
    {
        profiles["AWS::ElasticLoadBalancingV2::LoadBalancer"] = LoadBalancerV2;
        profiles["AWS::ElasticLoadBalancingV2::TargetGroup"] = TargetGroup;
        profiles["AWS::ElasticLoadBalancingV2::Listener"] = Listener;
        profiles["AWS::ElasticLoadBalancing::LoadBalancer"] = ClassicLoadBalancer;
        profiles["AWS::CloudFront::Distribution"] = Distribution;
        profiles["AWS::Route53::HostedZone"] = HostedZone;
    }

    private static string LoadBalancerV2(CreationContext c)
    {
        var name = c.Text("Name") ?? ShortName(c, 32);
        c.Model["Name"] = name;
        var kind = (c.Text("Type") ?? "application").ToLowerInvariant();
        var kindPart = kind switch { "network" => "net", "gateway" => "gwy", _ => "app" };
        var fullName = $"{kindPart}/{name}/{c.Random.Hex(16)}";
        var arn = c.Arn("elasticloadbalancing", $"loadbalancer/{fullName}");
        var isInternal = string.Equals(c.Text("Scheme"), "internal", StringComparison.OrdinalIgnoreCase);
        var dnsName = kind == "network"
            ? $"{name}-{c.Random.Hex(16)}.elb.{c.Region}.{c.DnsSuffix}"
            : $"{(isInternal ? "internal-" : "")}{name}-{c.Random.Digits(10)}.{c.Region}.elb.{c.DnsSuffix}";
        c.Set("LoadBalancerArn", arn);
        c.Set("LoadBalancerName", name);
        c.Set("LoadBalancerFullName", fullName);
        c.Set("DNSName", dnsName);
        c.Set("CanonicalHostedZoneID", kind == "network" ? NlbZoneUsEast1 : AlbZoneUsEast1);
        c.Set("SecurityGroups", c.Properties["SecurityGroups"]?.DeepClone() ?? new JsonArray());
        return arn;
    }

    private static string TargetGroup(CreationContext c)
    {
        var name = c.Text("Name") ?? ShortName(c, 32);
        c.Model["Name"] = name;
        var fullName = $"targetgroup/{name}/{c.Random.Hex(16)}";
        var arn = c.Arn("elasticloadbalancing", fullName);
        c.Set("TargetGroupArn", arn);
        c.Set("TargetGroupName", name);
        c.Set("TargetGroupFullName", fullName);
        c.Set("LoadBalancerArns", new JsonArray());
        return arn;
    }

    private static string Listener(CreationContext c)
    {
        // A listener's ARN extends its load balancer's: ...:listener/app/name/lbhex/listenerhex.
        var loadBalancerArn = c.Text("LoadBalancerArn") ?? c.Arn("elasticloadbalancing", $"loadbalancer/app/unknown/{c.Random.Hex(16)}");
        var marker = loadBalancerArn.IndexOf(":loadbalancer/", StringComparison.Ordinal);
        var arn = marker < 0
            ? c.Arn("elasticloadbalancing", $"listener/app/unknown/{c.Random.Hex(16)}/{c.Random.Hex(16)}")
            : $"{loadBalancerArn[..marker]}:listener/{loadBalancerArn[(marker + ":loadbalancer/".Length)..]}/{c.Random.Hex(16)}";
        c.Set("ListenerArn", arn);
        return arn;
    }

    private static string ClassicLoadBalancer(CreationContext c)
    {
        var name = c.Text("LoadBalancerName") ?? ShortName(c, 32);
        c.Model["LoadBalancerName"] = name;
        var isInternal = string.Equals(c.Text("Scheme"), "internal", StringComparison.OrdinalIgnoreCase);
        var dnsName = $"{(isInternal ? "internal-" : "")}{name}-{c.Random.Digits(10)}.{c.Region}.elb.{c.DnsSuffix}";
        c.Set("DNSName", dnsName);
        c.Set("CanonicalHostedZoneName", dnsName);
        c.Set("CanonicalHostedZoneNameID", AlbZoneUsEast1);
        c.Set("SourceSecurityGroup.GroupName", "default_elb_" + c.Random.Hex(8));
        c.Set("SourceSecurityGroup.OwnerAlias", "amazon-elb");
        return name;
    }

    private static string Distribution(CreationContext c)
    {
        var id = "E" + c.Random.UpperAlnum(13);
        c.Set("Id", id);
        c.Set("DomainName", $"d{c.Random.LowerAlnum(13)}.cloudfront.net");
        c.Set("HostedZoneId", CloudFrontZone);
        return id;
    }

    private static string HostedZone(CreationContext c)
    {
        var id = "Z" + c.Random.UpperAlnum(20);
        c.Set("Id", id);
        var servers = new JsonArray();
        foreach (var tld in new[] { "com", "net", "org", "co.uk" })
        {
            servers.Add($"ns-{c.Random.Next(2048)}.awsdns-{c.Random.Next(64):00}.{tld}");
        }
        c.Set("NameServers", servers);
        return id;
    }

    /// <summary>Load balancer and target group names: at most 32 characters, letters, digits and dashes.</summary>
    private static string ShortName(CreationContext c, int maxLength)
    {
        var name = Names.Generated(c.Random, c.Request.StackName, c.Request.LogicalId, new NameRules(maxLength));
        return new string(name.Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray()).Trim('-');
    }
}
