using System.Text.Json.Nodes;

namespace Strata.Engine.Providers;

/// <summary>
/// One create / read / update / delete request for a resource. A record so fields can be added without
/// breaking providers. <see cref="ClientToken"/> makes a retried or resumed call idempotent: a provider
/// that already performed the operation for that token returns its result instead of doing it again.
/// </summary>
public sealed record ResourceRequest
{
    public required string TypeName { get; init; }

    public required string LogicalId { get; init; }

    public required string StackName { get; init; }

    public required string ClientToken { get; init; }

    /// <summary>The resolved properties the resource should have (create / update).</summary>
    public JsonObject DesiredState { get; init; } = [];

    /// <summary>The properties it had before (update), as last recorded.</summary>
    public JsonObject? PreviousState { get; init; }

    /// <summary>The primary identifier of an existing resource (read / update / delete).</summary>
    public string? PhysicalId { get; init; }

    /// <summary>Tags Strata adds to everything it creates (e.g. <c>strata:stack</c>), for cost allocation.</summary>
    public IReadOnlyDictionary<string, string> SystemTags { get; init; } = new Dictionary<string, string>();

    /// <summary>The resource's template <c>Metadata</c> (the sandbox reads fault injection from it).</summary>
    public JsonObject? Metadata { get; init; }

    public string Region { get; init; } = "us-east-1";

    /// <summary>Delete: the resource's DeletionPolicy / UpdateReplacePolicy is <c>Snapshot</c> — keep a snapshot of its data first.</summary>
    public bool Snapshot { get; init; }
}
