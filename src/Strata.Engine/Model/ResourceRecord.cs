namespace Strata.Engine.Model;

/// <summary>
/// One physical resource the engine manages for a stack. A replaced resource has two records for a while:
/// the new one (<see cref="IsCurrent"/>) and the old one, deleted in the cleanup phase.
/// </summary>
public sealed record ResourceRecord
{
    /// <summary>The store's own key; a replacement gets a new record id while keeping the logical id.</summary>
    public required string RecordId { get; init; }

    public required string StackId { get; init; }

    public required string LogicalId { get; init; }

    public required string Type { get; init; }

    public bool IsCurrent { get; init; } = true;

    public string? PhysicalId { get; init; }

    public required ResourceStatus Status { get; init; }

    public string? StatusReason { get; init; }

    /// <summary>The resolved properties last applied (what the plan diffs against).</summary>
    public StoredJson Properties { get; init; } = StoredJson.Empty;

    /// <summary>The provider's resource model: properties plus read-only attributes (GetAtt reads it).</summary>
    public StoredJson? Model { get; init; }

    public StoredJson? Metadata { get; init; }

    public string? DeletionPolicy { get; init; }

    public string? UpdateReplacePolicy { get; init; }

    /// <summary>Logical ids this resource depended on when applied: deletion walks them in reverse, without the template.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public required DateTimeOffset UpdatedAt { get; init; }
}
