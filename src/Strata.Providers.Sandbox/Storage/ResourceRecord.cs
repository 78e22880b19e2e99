using System.Text.Json.Nodes;

namespace Strata.Providers.Sandbox.Storage;

/// <summary>Where a resource is in its life.</summary>
internal enum ResourceState
{
    Creating,
    Available,
    Updating,
    Deleting,
}

/// <summary>
/// One simulated resource as stored. <see cref="Properties"/> are what the template asked for;
/// <see cref="Model"/> adds what the cloud generated (ids, ARNs, addresses) and is what Read returns.
/// </summary>
internal sealed record ResourceRecord
{
    public required string Type { get; init; }
    public required string PhysicalId { get; init; }
    public required string Region { get; init; }
    public required string Stack { get; init; }
    public required string LogicalId { get; init; }
    public required ResourceState State { get; init; }
    public required JsonObject Properties { get; init; }
    public required JsonObject Model { get; init; }

    /// <summary>What a quota counts within besides the region (a VPC id, an availability zone), or null.</summary>
    public string? Scope { get; init; }

    public Power.PowerState? Power { get; init; }

    /// <summary>When a power transition (starting, stopping) completes, in Unix milliseconds.</summary>
    public long? PowerReadyAt { get; init; }

    /// <summary>vCPUs counted against the running On-Demand instances quota.</summary>
    public int Vcpus { get; init; }

    public required long CreatedAt { get; init; }
}
