using System.Text.Json.Nodes;
using Strata.Providers.Sandbox.Identity;

namespace Strata.Providers.Sandbox.Types;

/// <summary>RDS instances and clusters, subnet groups, ElastiCache: lower-case identifiers and endpoints.</summary>
internal static class DatabaseProfiles
{
    // Route 53 zone of RDS endpoints in us-east-1 (what Endpoint.HostedZoneId returns there).
    private const string RdsHostedZoneUsEast1 = "Z2R2ITUGPM61AM";

    public static void Register(Dictionary<string, TypeProfile> profiles)
    {
        profiles["AWS::RDS::DBInstance"] = DbInstance;
        profiles["AWS::RDS::DBCluster"] = DbCluster;
        profiles["AWS::RDS::DBSubnetGroup"] = SubnetGroup;
        profiles["AWS::ElastiCache::CacheCluster"] = CacheCluster;
    }

    /// <summary>The port an engine listens on by default (CloudFormation's Endpoint.Port is a string).</summary>
    public static string DefaultPort(string? engine) => (engine ?? "mysql").ToLowerInvariant() switch
    {
        var e when e.StartsWith("postgres", StringComparison.Ordinal) || e == "aurora-postgresql" => "5432",
        var e when e.StartsWith("oracle", StringComparison.Ordinal) => "1521",
        var e when e.StartsWith("sqlserver", StringComparison.Ordinal) => "1433",
        var e when e.StartsWith("db2", StringComparison.Ordinal) => "50000",
        _ => "3306",
    };

    private static string DbInstance(CreationContext c)
    {
        var id = Names.LowerDns(c.Text("DBInstanceIdentifier") ?? c.GeneratedName(new NameRules(63, LowerCase: true)));
        c.Model["DBInstanceIdentifier"] = id;
        // The part after the identifier is fixed per account and region on AWS.
        var accountPart = AccountHash(c);
        var port = c.Text("Port") ?? DefaultPort(c.Text("Engine"));
        var zone = c.Zone();
        c.Set("DBInstanceArn", c.Arn("rds", $"db:{id}"));
        c.Set("DbiResourceId", "db-" + c.Random.UpperAlnum(26));
        c.Set("Endpoint.Address", $"{id}.{accountPart}.{c.Region}.rds.{c.DnsSuffix}");
        c.Set("Endpoint.Port", port);
        c.Set("Endpoint.HostedZoneId", RdsHostedZoneUsEast1);
        c.Set("AvailabilityZone", zone);
        c.Set("SecondaryAvailabilityZone", c.Flag("MultiAZ") ? c.Zone(OtherZone(c, zone)) : "");
        c.Set("InstanceCreateTime", Names.Iso(c.Now));
        c.Set("LatestRestorableTime", Names.Iso(c.Now));
        c.Set("CertificateDetails.CAIdentifier", c.Text("CACertificateIdentifier") ?? "rds-ca-rsa2048-g1");
        c.Set("CertificateDetails.ValidTill", Names.Iso(c.Now.AddYears(1)));
        c.Set("ReadReplicaDBInstanceIdentifiers", new JsonArray());
        c.Set("ReadReplicaDBClusterIdentifiers", new JsonArray());
        c.Set("StatusInfos", new JsonArray());
        return id;
    }

    private static string DbCluster(CreationContext c)
    {
        var id = Names.LowerDns(c.Text("DBClusterIdentifier") ?? c.GeneratedName(new NameRules(63, LowerCase: true)));
        c.Model["DBClusterIdentifier"] = id;
        var accountPart = AccountHash(c);
        var port = c.Text("Port") ?? DefaultPort(c.Text("Engine"));
        c.Set("DBClusterArn", c.Arn("rds", $"cluster:{id}"));
        c.Set("DBClusterResourceId", "cluster-" + c.Random.UpperAlnum(26));
        c.Set("Endpoint.Address", $"{id}.cluster-{accountPart}.{c.Region}.rds.{c.DnsSuffix}");
        c.Set("Endpoint.Port", port);
        c.Set("ReadEndpoint.Address", $"{id}.cluster-ro-{accountPart}.{c.Region}.rds.{c.DnsSuffix}");
        return id;
    }

    private static string SubnetGroup(CreationContext c)
    {
        var name = Names.LowerDns(c.Text("DBSubnetGroupName") ?? c.GeneratedName(new NameRules(255, LowerCase: true)));
        c.Model["DBSubnetGroupName"] = name;
        c.Set("DBSubnetGroupArn", c.Arn("rds", $"subgrp:{name}"));
        return name;
    }

    private static string CacheCluster(CreationContext c)
    {
        // ElastiCache ids are at most 40 characters and lower case.
        var name = Names.LowerDns(c.Text("ClusterName") ?? $"{Shorten(c.Request.StackName, 12)}-{Shorten(c.Request.LogicalId, 12)}-{c.Random.LowerAlnum(13)}");
        c.Model["ClusterName"] = name;
        var accountPart = c.Random.LowerAlnum(6);
        var redis = string.Equals(c.Text("Engine"), "redis", StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Text("Engine"), "valkey", StringComparison.OrdinalIgnoreCase);
        if (redis)
        {
            c.Set("RedisEndpoint.Address", $"{name}.{accountPart}.0001.{ZoneCode(c.Region)}.cache.{c.DnsSuffix}");
            c.Set("RedisEndpoint.Port", "6379");
        }
        else
        {
            c.Set("ConfigurationEndpoint.Address", $"{name}.{accountPart}.cfg.{ZoneCode(c.Region)}.cache.{c.DnsSuffix}");
            c.Set("ConfigurationEndpoint.Port", "11211");
        }
        return name;
    }

    private static string AccountHash(CreationContext c) =>
        new DeterministicRandom(0, $"rds|{c.AccountId}|{c.Region}").LowerAlnum(12);

    private static string? OtherZone(CreationContext c, string zone) =>
        Network.Regions.AvailabilityZones(c.Region).FirstOrDefault(z => z != zone);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>ElastiCache's short region code in endpoints (use1 for us-east-1).</summary>
    private static string ZoneCode(string region) => Network.Regions.ZoneId(region + "a").Split('-')[0];
}
