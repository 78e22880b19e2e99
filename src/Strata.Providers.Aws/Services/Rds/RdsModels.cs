namespace Strata.Providers.Aws.Services.Rds;

/// <summary>An RDS filter for DescribeDBInstances: <c>db-instance-id</c>, <c>engine</c>, <c>db-cluster-id</c>, ...</summary>
public sealed record RdsFilter(string Name, IReadOnlyList<string> Values)
{
    public static RdsFilter Create(string name, params string[] values) => new(name, values);
}

/// <summary>The DB instance statuses Strata's power control waits on.</summary>
public static class DbInstanceStatus
{
    public const string Available = "available";
    public const string Starting = "starting";
    public const string Stopping = "stopping";
    public const string Stopped = "stopped";
    public const string Creating = "creating";
    public const string Deleting = "deleting";
}

public sealed record DbInstance
{
    public string DbInstanceIdentifier { get; init; } = "";
    public string? DbInstanceArn { get; init; }
    public string? DbInstanceClass { get; init; }
    public string? Engine { get; init; }
    public string? EngineVersion { get; init; }

    /// <summary>available, stopping, stopped, starting, ... (see <see cref="DbInstanceStatus"/>).</summary>
    public string Status { get; init; } = "";
    public string? EndpointAddress { get; init; }
    public int? EndpointPort { get; init; }
    public string? AvailabilityZone { get; init; }
    public bool MultiAz { get; init; }
    public int? AllocatedStorage { get; init; }
    public string? StorageType { get; init; }
    public string? DbName { get; init; }
    public string? DbClusterIdentifier { get; init; }
    public DateTimeOffset? InstanceCreateTime { get; init; }
    public IReadOnlyList<AwsTag> Tags { get; init; } = [];

    public string? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key)?.Value;
}

public sealed record DescribeDbInstancesRequest
{
    /// <summary>One instance by identifier or ARN; null describes all (subject to <see cref="Filters"/>).</summary>
    public string? DbInstanceIdentifier { get; init; }
    public IReadOnlyList<RdsFilter> Filters { get; init; } = [];

    /// <summary>20 to 100; null lets RDS choose (100).</summary>
    public int? MaxRecords { get; init; }
    public string? Marker { get; init; }
}

public sealed record DescribeDbInstancesResponse(IReadOnlyList<DbInstance> DbInstances, string? Marker);

public sealed record StopDbInstanceRequest(string DbInstanceIdentifier)
{
    /// <summary>Take a snapshot with this name before stopping.</summary>
    public string? DbSnapshotIdentifier { get; init; }
}
