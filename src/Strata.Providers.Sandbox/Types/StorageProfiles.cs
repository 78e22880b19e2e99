using System.Text.RegularExpressions;
using Strata.Providers.Sandbox.Identity;

namespace Strata.Providers.Sandbox.Types;

/// <summary>S3 buckets, SQS queues, SNS topics and DynamoDB tables: named resources with ARNs and endpoints.</summary>
internal static partial class StorageProfiles
{
    // Regions whose S3 website endpoint is written with a dash (s3-website-us-east-1) rather than a dot.
    private static readonly HashSet<string> DashWebsiteRegions =
        ["us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1"];

    public static void Register(Dictionary<string, TypeProfile> profiles)
    {
        profiles["AWS::S3::Bucket"] = Bucket;
        profiles["AWS::SQS::Queue"] = Queue;
        profiles["AWS::SNS::Topic"] = Topic;
        profiles["AWS::DynamoDB::Table"] = Table;
        profiles["AWS::SNS::Subscription"] = Subscription;
    }

    private static string Subscription(CreationContext c)
    {
        // A subscription's ARN is its topic's ARN followed by a UUID.
        var topicArn = c.Text("TopicArn") ?? c.Arn("sns", "topic");
        var arn = $"{topicArn}:{c.Random.NextGuid()}";
        c.Set("Arn", arn);
        return arn;
    }

    private static string Bucket(CreationContext c)
    {
        string name;
        if (c.Text("BucketName") is { } given)
        {
            if (!BucketNamePattern().IsMatch(given) || given.Contains("..", StringComparison.Ordinal))
            {
                throw c.Invalid($"BucketName '{given}' is not a valid bucket name: 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit");
            }
            name = given;
        }
        else if (c.Text("BucketNamePrefix") is { } prefix)
        {
            name = Names.LowerDns(prefix + c.Random.LowerAlnum(Math.Max(1, Math.Min(26, 63 - prefix.Length))));
        }
        else
        {
            name = Names.Generated(c.Random, c.Request.StackName, c.Request.LogicalId, new NameRules(63, LowerCase: true));
        }
        c.Model["BucketName"] = name;
        var websiteSeparator = DashWebsiteRegions.Contains(c.Region) ? "-" : ".";
        c.Set("Arn", $"arn:{c.Partition}:s3:::{name}");
        c.Set("DomainName", $"{name}.s3.{c.DnsSuffix}");
        c.Set("RegionalDomainName", $"{name}.s3.{c.Region}.{c.DnsSuffix}");
        c.Set("DualStackDomainName", $"{name}.s3.dualstack.{c.Region}.{c.DnsSuffix}");
        c.Set("WebsiteURL", $"http://{name}.s3-website{websiteSeparator}{c.Region}.{c.DnsSuffix}");
        return name;
    }

    private static string Queue(CreationContext c)
    {
        var fifo = c.Flag("FifoQueue");
        var name = c.Text("QueueName") ?? c.GeneratedName(new NameRules(80, Suffix: fifo ? ".fifo" : null));
        if (fifo != name.EndsWith(".fifo", StringComparison.Ordinal))
        {
            throw c.Invalid(fifo
                ? $"QueueName '{name}' must end with .fifo because FifoQueue is true"
                : $"QueueName '{name}' ends with .fifo but FifoQueue is not true");
        }
        if (name.Length > 80)
        {
            throw c.Invalid($"QueueName '{name}' is longer than 80 characters");
        }
        var url = $"https://sqs.{c.Region}.{c.DnsSuffix}/{c.AccountId}/{name}";
        c.Set("QueueName", name);
        c.Set("QueueUrl", url);
        c.Set("Arn", c.Arn("sqs", name));
        return url;
    }

    private static string Topic(CreationContext c)
    {
        var fifo = c.Flag("FifoTopic");
        var name = c.Text("TopicName") ?? c.GeneratedName(new NameRules(256, Suffix: fifo ? ".fifo" : null));
        var arn = c.Arn("sns", name);
        c.Set("TopicName", name);
        c.Set("TopicArn", arn);
        return arn;
    }

    private static string Table(CreationContext c)
    {
        var name = c.NameOr("TableName", new NameRules(255));
        var arn = c.Arn("dynamodb", $"table/{name}");
        c.Set("Arn", arn);
        c.Set("StreamArn", $"{arn}/stream/{Names.StreamLabel(c.Now)}");
        return name;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketNamePattern();
}
