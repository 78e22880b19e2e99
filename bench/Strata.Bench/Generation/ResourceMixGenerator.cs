using System.Globalization;
using System.Text.Json.Nodes;

namespace Strata.Bench.Generation;

/// <summary>
/// Generates a large, realistic template: repeated "application groups" of a VPC with an internet gateway,
/// routes, two subnets, security groups, an instance role and profile, three instances, an SQS queue with a
/// dead-letter queue, an encrypted bucket with its policy and an SNS topic — wired with Ref, Fn::GetAtt,
/// Fn::Sub, Fn::FindInMap, Fn::If, DependsOn and resource conditions, as hand-written templates are.
/// </summary>
/// <remarks>
/// Inside a group every resource refers only to resources generated before it, so cutting the last group
/// short (to hit an exact resource count) never leaves a dangling reference: the template stays valid.
/// </remarks>
internal static class ResourceMixGenerator
{
    /// <summary>CloudFormation allows 200 outputs; a benchmark template should not trip that limit on its own.</summary>
    private const int MaxOutputs = 60;

    public static JsonObject Generate(int resourceCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resourceCount, 1);
        var resources = new JsonObject();
        var outputs = new JsonObject();
        for (var group = 0; resources.Count < resourceCount; group++)
        {
            foreach (var (name, resource) in Group(group))
            {
                if (resources.Count == resourceCount)
                {
                    break;
                }

                resources[name] = resource;
            }

            AddOutputs(outputs, group, resources);
        }

        return new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = $"Generated benchmark template: {resourceCount} resources in application groups (VPC, subnets, security groups, instances, queues, buckets).",
            ["Parameters"] = Parameters(),
            ["Mappings"] = Mappings(),
            ["Conditions"] = Conditions(),
            ["Resources"] = resources,
            ["Outputs"] = outputs,
        };
    }

    private static JsonObject Parameters() => new()
    {
        ["Environment"] = new JsonObject
        {
            ["Type"] = "String",
            ["Default"] = "dev",
            ["AllowedValues"] = new JsonArray("dev", "staging", "prod"),
            ["Description"] = "Deployment stage; prod gets larger instances and versioned buckets",
        },
        ["InstanceType"] = new JsonObject
        {
            ["Type"] = "String",
            ["Default"] = "t3.micro",
            ["AllowedValues"] = new JsonArray("t3.micro", "t3.small", "t3.medium", "m5.large"),
        },
        ["KeyName"] = new JsonObject
        {
            ["Type"] = "String",
            ["Default"] = "",
            ["Description"] = "An EC2 key pair for SSH; empty for none",
        },
        ["AdminCidr"] = new JsonObject
        {
            ["Type"] = "String",
            ["Default"] = "10.0.0.0/8",
            ["AllowedPattern"] = @"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})/(\d{1,2})$",
            ["MinLength"] = 9,
            ["MaxLength"] = 18,
        },
    };

    private static JsonObject Mappings()
    {
        var regions = new JsonObject();
        string[] names = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"];
        for (var i = 0; i < names.Length; i++)
        {
            regions[names[i]] = new JsonObject { ["Ami"] = $"ami-0{i}1234567890abcde" };
        }

        return new JsonObject { ["RegionMap"] = regions };
    }

    private static JsonObject Conditions() => new()
    {
        ["IsProd"] = Fn.Equal(Fn.Ref("Environment"), "prod"),
        ["IsNotDev"] = Fn.Not(Fn.Equal(Fn.Ref("Environment"), "dev")),
        ["HasKey"] = Fn.Not(Fn.Equal(Fn.Ref("KeyName"), "")),
        ["ProdWithKey"] = Fn.And(Fn.Condition("IsProd"), Fn.Condition("HasKey")),
    };

    private static IEnumerable<(string Name, JsonObject Resource)> Group(int g)
    {
        var n = g.ToString(CultureInfo.InvariantCulture);
        var octet = (g % 250).ToString(CultureInfo.InvariantCulture);
        string Name(string kind) => kind + n;

        yield return (Name("Vpc"), Resource("AWS::EC2::VPC", new JsonObject
        {
            ["CidrBlock"] = $"10.{octet}.0.0/16",
            ["EnableDnsSupport"] = true,
            ["EnableDnsHostnames"] = true,
            ["Tags"] = Fn.Tags(("Name", Fn.Sub($"${{AWS::StackName}}-vpc-{n}")), ("Environment", Fn.Ref("Environment"))),
        }));
        yield return (Name("Igw"), Resource("AWS::EC2::InternetGateway", new JsonObject
        {
            ["Tags"] = Fn.Tags(("Name", Fn.Sub($"${{AWS::StackName}}-igw-{n}"))),
        }));
        yield return (Name("IgwAttachment"), Resource("AWS::EC2::VPCGatewayAttachment", new JsonObject
        {
            ["VpcId"] = Fn.Ref(Name("Vpc")),
            ["InternetGatewayId"] = Fn.Ref(Name("Igw")),
        }));
        yield return (Name("RouteTable"), Resource("AWS::EC2::RouteTable", new JsonObject
        {
            ["VpcId"] = Fn.Ref(Name("Vpc")),
            ["Tags"] = Fn.Tags(("Name", Fn.Sub($"${{AWS::StackName}}-public-{n}"))),
        }));
        var route = Resource("AWS::EC2::Route", new JsonObject
        {
            ["RouteTableId"] = Fn.Ref(Name("RouteTable")),
            ["DestinationCidrBlock"] = "0.0.0.0/0",
            ["GatewayId"] = Fn.Ref(Name("Igw")),
        });
        route["DependsOn"] = Name("IgwAttachment");
        yield return (Name("DefaultRoute"), route);

        foreach (var (zone, index) in new[] { ("A", 0), ("B", 1) })
        {
            yield return (Name("Subnet" + zone), Resource("AWS::EC2::Subnet", new JsonObject
            {
                ["VpcId"] = Fn.Ref(Name("Vpc")),
                ["CidrBlock"] = $"10.{octet}.{index + 1}.0/24",
                ["AvailabilityZone"] = Fn.Select(index, Fn.GetAZs()),
                ["MapPublicIpOnLaunch"] = true,
                ["Tags"] = Fn.Tags(("Name", Fn.Sub($"${{AWS::StackName}}-subnet-{n}-{zone.ToLowerInvariant()}"))),
            }));
        }

        foreach (var zone in new[] { "A", "B" })
        {
            yield return (Name("Subnet" + zone + "Routes"), Resource("AWS::EC2::SubnetRouteTableAssociation", new JsonObject
            {
                ["SubnetId"] = Fn.Ref(Name("Subnet" + zone)),
                ["RouteTableId"] = Fn.Ref(Name("RouteTable")),
            }));
        }

        yield return (Name("WebSecurityGroup"), Resource("AWS::EC2::SecurityGroup", new JsonObject
        {
            ["GroupDescription"] = $"Web tier of group {n}: HTTPS from anywhere, SSH from the admin range",
            ["VpcId"] = Fn.Ref(Name("Vpc")),
            ["SecurityGroupIngress"] = new JsonArray(
                Ingress(443, "0.0.0.0/0"),
                Ingress(22, Fn.If("IsProd", Fn.Ref("AdminCidr"), "0.0.0.0/0"))),
            ["Tags"] = Fn.Tags(("Tier", "web")),
        }));
        yield return (Name("AppSecurityGroup"), Resource("AWS::EC2::SecurityGroup", new JsonObject
        {
            ["GroupDescription"] = $"App tier of group {n}: port 8080 from the web tier only",
            ["VpcId"] = Fn.Ref(Name("Vpc")),
            ["SecurityGroupIngress"] = new JsonArray(new JsonObject
            {
                ["IpProtocol"] = "tcp",
                ["FromPort"] = 8080,
                ["ToPort"] = 8080,
                ["SourceSecurityGroupId"] = Fn.GetAtt(Name("WebSecurityGroup"), "GroupId"),
            }),
        }));
        yield return (Name("DeadLetterQueue"), Resource("AWS::SQS::Queue", new JsonObject
        {
            ["MessageRetentionPeriod"] = 1209600,
        }));
        yield return (Name("JobQueue"), Resource("AWS::SQS::Queue", new JsonObject
        {
            ["QueueName"] = Fn.Sub($"${{AWS::StackName}}-jobs-{n}"),
            ["VisibilityTimeout"] = Fn.If("IsProd", 300, 60),
            ["RedrivePolicy"] = new JsonObject
            {
                ["deadLetterTargetArn"] = Fn.GetAtt(Name("DeadLetterQueue"), "Arn"),
                ["maxReceiveCount"] = 5,
            },
        }));

        var bucket = Resource("AWS::S3::Bucket", new JsonObject
        {
            ["BucketName"] = Fn.Sub($"${{AWS::StackName}}-data-{n}-${{AWS::AccountId}}"),
            ["VersioningConfiguration"] = new JsonObject { ["Status"] = Fn.If("IsProd", "Enabled", "Suspended") },
            ["BucketEncryption"] = new JsonObject
            {
                ["ServerSideEncryptionConfiguration"] = new JsonArray(new JsonObject
                {
                    ["ServerSideEncryptionByDefault"] = new JsonObject { ["SSEAlgorithm"] = "AES256" },
                }),
            },
            ["PublicAccessBlockConfiguration"] = new JsonObject
            {
                ["BlockPublicAcls"] = true,
                ["BlockPublicPolicy"] = true,
                ["IgnorePublicAcls"] = true,
                ["RestrictPublicBuckets"] = true,
            },
            ["Tags"] = Fn.Tags(("Environment", Fn.Ref("Environment"))),
        });
        bucket["DeletionPolicy"] = "Retain";
        bucket["UpdateReplacePolicy"] = "Retain";
        yield return (Name("DataBucket"), bucket);
        yield return (Name("DataBucketPolicy"), Resource("AWS::S3::BucketPolicy", new JsonObject
        {
            ["Bucket"] = Fn.Ref(Name("DataBucket")),
            ["PolicyDocument"] = Policy(new JsonObject
            {
                ["Sid"] = "DenyInsecureTransport",
                ["Effect"] = "Deny",
                ["Principal"] = "*",
                ["Action"] = "s3:*",
                ["Resource"] = new JsonArray(Fn.GetAtt(Name("DataBucket"), "Arn"), Fn.Sub($"${{{Name("DataBucket")}.Arn}}/*")),
                ["Condition"] = new JsonObject { ["Bool"] = new JsonObject { ["aws:SecureTransport"] = "false" } },
            }),
        }));
        yield return (Name("InstanceRole"), Resource("AWS::IAM::Role", new JsonObject
        {
            ["AssumeRolePolicyDocument"] = Policy(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Service"] = "ec2.amazonaws.com" },
                ["Action"] = "sts:AssumeRole",
            }),
            ["Policies"] = new JsonArray(new JsonObject
            {
                ["PolicyName"] = "queue-and-bucket",
                ["PolicyDocument"] = Policy(
                    new JsonObject
                    {
                        ["Effect"] = "Allow",
                        ["Action"] = new JsonArray("sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"),
                        ["Resource"] = Fn.GetAtt(Name("JobQueue"), "Arn"),
                    },
                    new JsonObject
                    {
                        ["Effect"] = "Allow",
                        ["Action"] = new JsonArray("s3:GetObject", "s3:PutObject"),
                        ["Resource"] = Fn.Sub($"${{{Name("DataBucket")}.Arn}}/*"),
                    }),
            }),
        }));
        yield return (Name("InstanceProfile"), Resource("AWS::IAM::InstanceProfile", new JsonObject
        {
            ["Roles"] = new JsonArray(Fn.Ref(Name("InstanceRole"))),
        }));

        foreach (var (kind, subnet, group) in new[] { ("WebA", "SubnetA", "WebSecurityGroup"), ("WebB", "SubnetB", "WebSecurityGroup"), ("App", "SubnetA", "AppSecurityGroup") })
        {
            yield return (Name(kind + "Instance"), Resource("AWS::EC2::Instance", new JsonObject
            {
                ["ImageId"] = Fn.FindInMap("RegionMap", Fn.Ref("AWS::Region"), "Ami"),
                ["InstanceType"] = Fn.If("IsProd", "m5.large", Fn.Ref("InstanceType")),
                ["KeyName"] = Fn.If("HasKey", Fn.Ref("KeyName"), Fn.NoValue()),
                ["SubnetId"] = Fn.Ref(Name(subnet)),
                ["SecurityGroupIds"] = new JsonArray(Fn.GetAtt(Name(group), "GroupId")),
                ["IamInstanceProfile"] = Fn.Ref(Name("InstanceProfile")),
                ["Monitoring"] = Fn.If("ProdWithKey", true, false),
                ["UserData"] = Fn.Base64(Fn.Sub(
                    "#!/bin/bash -xe\n" +
                    $"echo 'queue=${{{Name("JobQueue")}}}' >> /etc/app.conf\n" +
                    $"echo 'bucket=${{{Name("DataBucket")}}}' >> /etc/app.conf\n" +
                    "/opt/aws/bin/cfn-signal -e $? --stack ${AWS::StackName} --region ${AWS::Region}\n")),
                ["Tags"] = Fn.Tags(("Name", Fn.Sub($"${{AWS::StackName}}-{kind.ToLowerInvariant()}-{n}")), ("Role", kind)),
            }));
        }

        var topic = Resource("AWS::SNS::Topic", new JsonObject
        {
            ["DisplayName"] = Fn.Join(" ", "Alarms for group", n),
            ["Subscription"] = new JsonArray(new JsonObject
            {
                ["Protocol"] = "sqs",
                ["Endpoint"] = Fn.GetAtt(Name("JobQueue"), "Arn"),
            }),
        });
        topic["Condition"] = "IsNotDev";
        yield return (Name("AlarmTopic"), topic);
    }

    private static void AddOutputs(JsonObject outputs, int group, JsonObject resources)
    {
        var n = group.ToString(CultureInfo.InvariantCulture);
        if (outputs.Count + 2 > MaxOutputs)
        {
            return;
        }

        if (resources.ContainsKey("Vpc" + n))
        {
            outputs["VpcId" + n] = new JsonObject
            {
                ["Description"] = $"VPC of group {n}",
                ["Value"] = Fn.Ref("Vpc" + n),
                ["Export"] = new JsonObject { ["Name"] = Fn.Sub($"${{AWS::StackName}}-vpc-{n}") },
            };
        }

        if (resources.ContainsKey("JobQueue" + n))
        {
            outputs["JobQueueArn" + n] = new JsonObject { ["Value"] = Fn.GetAtt("JobQueue" + n, "Arn") };
        }
    }

    private static JsonObject Resource(string type, JsonObject properties) =>
        new() { ["Type"] = type, ["Properties"] = properties };

    private static JsonObject Ingress(int port, JsonNode cidr) => new()
    {
        ["IpProtocol"] = "tcp",
        ["FromPort"] = port,
        ["ToPort"] = port,
        ["CidrIp"] = cidr,
    };

    private static JsonObject Policy(params JsonNode[] statements) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(statements),
    };
}
