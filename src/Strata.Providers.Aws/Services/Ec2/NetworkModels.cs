namespace Strata.Providers.Aws.Services.Ec2;

/// <summary>Ids, filters and paging shared by the Describe* look-ups of VPCs, subnets and images.</summary>
public sealed record DescribeVpcsRequest
{
    public IReadOnlyList<string> VpcIds { get; init; } = [];
    public IReadOnlyList<Ec2Filter> Filters { get; init; } = [];
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
}

public sealed record Vpc
{
    public string VpcId { get; init; } = "";
    public string? CidrBlock { get; init; }
    public string? State { get; init; }
    public bool IsDefault { get; init; }
    public string? DhcpOptionsId { get; init; }
    public string? InstanceTenancy { get; init; }
    public string? OwnerId { get; init; }
    public IReadOnlyList<AwsTag> Tags { get; init; } = [];
}

public sealed record DescribeVpcsResponse(IReadOnlyList<Vpc> Vpcs, string? NextToken);

public sealed record DescribeSubnetsRequest
{
    public IReadOnlyList<string> SubnetIds { get; init; } = [];
    public IReadOnlyList<Ec2Filter> Filters { get; init; } = [];
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
}

public sealed record Subnet
{
    public string SubnetId { get; init; } = "";
    public string? VpcId { get; init; }
    public string? CidrBlock { get; init; }
    public string? AvailabilityZone { get; init; }
    public string? AvailabilityZoneId { get; init; }
    public int? AvailableIpAddressCount { get; init; }
    public bool DefaultForAz { get; init; }
    public bool MapPublicIpOnLaunch { get; init; }
    public string? State { get; init; }
    public IReadOnlyList<AwsTag> Tags { get; init; } = [];
}

public sealed record DescribeSubnetsResponse(IReadOnlyList<Subnet> Subnets, string? NextToken);

public sealed record DescribeAvailabilityZonesRequest
{
    public IReadOnlyList<string> ZoneNames { get; init; } = [];
    public IReadOnlyList<string> ZoneIds { get; init; } = [];
    public IReadOnlyList<Ec2Filter> Filters { get; init; } = [];

    /// <summary>Include zones (and Local Zones) the account has not opted into.</summary>
    public bool? AllAvailabilityZones { get; init; }
}

public sealed record AvailabilityZone
{
    public string ZoneName { get; init; } = "";
    public string? ZoneId { get; init; }

    /// <summary>available | information | impaired | unavailable.</summary>
    public string? State { get; init; }
    public string? RegionName { get; init; }
    public string? ZoneType { get; init; }
}

public sealed record DescribeImagesRequest
{
    public IReadOnlyList<string> ImageIds { get; init; } = [];

    /// <summary>Account ids or self | amazon | aws-marketplace.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];
    public IReadOnlyList<string> ExecutableUsers { get; init; } = [];
    public IReadOnlyList<Ec2Filter> Filters { get; init; } = [];
    public bool? IncludeDeprecated { get; init; }
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
}

public sealed record Image
{
    public string ImageId { get; init; } = "";
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? State { get; init; }
    public string? OwnerId { get; init; }
    public string? Architecture { get; init; }

    /// <summary>As EC2 reports it (ISO 8601 text).</summary>
    public string? CreationDate { get; init; }
    public string? ImageLocation { get; init; }
    public bool? IsPublic { get; init; }
    public string? RootDeviceType { get; init; }
    public string? VirtualizationType { get; init; }
    public string? PlatformDetails { get; init; }
    public IReadOnlyList<AwsTag> Tags { get; init; } = [];
}

public sealed record DescribeImagesResponse(IReadOnlyList<Image> Images, string? NextToken);
