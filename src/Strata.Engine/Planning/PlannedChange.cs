using System.Text.Json.Nodes;

namespace Strata.Engine.Planning;

/// <summary>One changed top-level property. <see cref="AfterKnown"/> is false when its new value depends on something not created yet.</summary>
public sealed record PropertyChange(string Name, ReplacementKind Replacement, JsonNode? Before, JsonNode? After, bool AfterKnown);

/// <summary>What the plan does to one resource, and why.</summary>
public sealed record PlannedChange
{
    public required ChangeAction Action { get; init; }

    public required string LogicalId { get; init; }

    public required string Type { get; init; }

    /// <summary>The existing physical resource (Modify, Replace, Remove).</summary>
    public string? PhysicalId { get; init; }

    /// <summary>The existing record acted on (Modify, Replace, Remove).</summary>
    public string? RecordId { get; init; }

    public ReplacementKind Replacement { get; init; }

    public ChangeScope Scope { get; init; } = ChangeScope.Properties;

    public IReadOnlyList<PropertyChange> PropertyChanges { get; init; } = [];

    /// <summary>A sentence a person reads: which properties changed and what that causes.</summary>
    public required string Reason { get; init; }

    /// <summary>The resources this one depends on (the template's for Add/Modify/Replace; recorded ones for Remove).</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];
}
