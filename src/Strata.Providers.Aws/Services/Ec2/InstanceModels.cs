namespace Strata.Providers.Aws.Services.Ec2;

/// <summary>An EC2 filter: <c>instance-state-name</c>, <c>vpc-id</c>, <c>tag:strata:stack</c>, ...</summary>
public sealed record Ec2Filter(string Name, IReadOnlyList<string> Values)
{
    public static Ec2Filter Create(string name, params string[] values) => new(name, values);

    /// <summary>Resources tagged <paramref name="key"/> with any of <paramref name="values"/>.</summary>
    public static Ec2Filter Tag(string key, params string[] values) => new("tag:" + key, values);

    /// <summary>Resources that carry the tag <paramref name="key"/>, whatever its value.</summary>
    public static Ec2Filter TagKey(string key) => new("tag-key", [key]);
}

/// <summary>pending (0), running (16), shutting-down (32), terminated (48), stopping (64), stopped (80).</summary>
public sealed record InstanceState(int Code, string Name)
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string ShuttingDown = "shutting-down";
    public const string Terminated = "terminated";
    public const string Stopping = "stopping";
    public const string Stopped = "stopped";
}

public sealed record SecurityGroupIdentifier(string GroupId, string? GroupName);

public sealed record Instance
{
    public string InstanceId { get; init; } = "";
    public string? ImageId { get; init; }
    public string? InstanceType { get; init; }
    public InstanceState State { get; init; } = new(0, "");
    public string? StateReason { get; init; }
    public string? StateTransitionReason { get; init; }
    public string? PrivateIpAddress { get; init; }
    public string? PublicIpAddress { get; init; }
    public string? PrivateDnsName { get; init; }
    public string? PublicDnsName { get; init; }
    public string? SubnetId { get; init; }
    public string? VpcId { get; init; }
    public string? AvailabilityZone { get; init; }
    public string? KeyName { get; init; }
    public DateTimeOffset? LaunchTime { get; init; }
    public string? Architecture { get; init; }
    public string? PlatformDetails { get; init; }
    public IReadOnlyList<SecurityGroupIdentifier> SecurityGroups { get; init; } = [];
    public IReadOnlyList<AwsTag> Tags { get; init; } = [];

    public string? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key)?.Value;
}

public sealed record Reservation(string ReservationId, string? OwnerId, IReadOnlyList<Instance> Instances);

public sealed record DescribeInstancesRequest
{
    public IReadOnlyList<string> InstanceIds { get; init; } = [];
    public IReadOnlyList<Ec2Filter> Filters { get; init; } = [];

    /// <summary>5-1000; EC2 refuses it together with <see cref="InstanceIds"/>.</summary>
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
}

public sealed record DescribeInstancesResponse(IReadOnlyList<Reservation> Reservations, string? NextToken)
{
    public IEnumerable<Instance> Instances => Reservations.SelectMany(r => r.Instances);
}

public sealed record InstanceStateChange(string InstanceId, InstanceState CurrentState, InstanceState PreviousState);

public sealed record StopInstancesRequest(IReadOnlyList<string> InstanceIds)
{
    public bool? Force { get; init; }
    public bool? Hibernate { get; init; }
}

public sealed record DescribeInstanceStatusRequest
{
    public IReadOnlyList<string> InstanceIds { get; init; } = [];
    public IReadOnlyList<Ec2Filter> Filters { get; init; } = [];

    /// <summary>Include stopped instances too (EC2 reports running ones only by default).</summary>
    public bool? IncludeAllInstances { get; init; }
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
}

/// <summary>One instance's state and its two status checks (ok | impaired | initializing | insufficient-data | not-applicable).</summary>
public sealed record InstanceStatusItem
{
    public string InstanceId { get; init; } = "";
    public string? AvailabilityZone { get; init; }
    public InstanceState InstanceState { get; init; } = new(0, "");
    public string? SystemStatus { get; init; }
    public string? InstanceStatus { get; init; }
}

public sealed record DescribeInstanceStatusResponse(IReadOnlyList<InstanceStatusItem> Statuses, string? NextToken);

/// <summary>Tags to put on resources at creation: ResourceType is instance, volume, network-interface, ...</summary>
public sealed record TagSpecification(string ResourceType, IReadOnlyList<AwsTag> Tags);

public sealed record RunInstancesRequest(string ImageId, int MinCount = 1, int MaxCount = 1)
{
    public string? InstanceType { get; init; }
    public string? SubnetId { get; init; }
    public string? KeyName { get; init; }
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    /// <summary>Plain text; the client base64-encodes it as EC2 requires.</summary>
    public string? UserData { get; init; }

    public IReadOnlyList<TagSpecification> TagSpecifications { get; init; } = [];

    /// <summary>Idempotency: a retried call with the same token launches nothing new.</summary>
    public string? ClientToken { get; init; }
}
