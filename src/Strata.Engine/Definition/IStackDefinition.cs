using System.Text.Json.Nodes;

namespace Strata.Engine.Definition;

/// <summary>
/// A template with its parameters, ready to apply: the resources it includes (conditions decided), their
/// dependencies, and evaluation of properties and outputs against what exists. The engine depends on this
/// shape only; <see cref="TemplateDefinitionFactory"/> builds it from Strata.Templates.
/// </summary>
public interface IStackDefinition
{
    /// <summary>The included resources in template order.</summary>
    IReadOnlyList<ResourceDefinition> Resources { get; }

    /// <summary>
    /// Evaluates a resource's properties, metadata and creation policy against <paramref name="state"/>.
    /// References to resources <paramref name="state"/> does not know stay unknown (listed in
    /// <see cref="ResolvedResource.UnknownProperties"/>).
    /// </summary>
    ResolvedResource ResolveResource(string logicalId, IStackState state);

    /// <summary>Evaluates the outputs against <paramref name="state"/>.</summary>
    IReadOnlyList<ResolvedOutput> ResolveOutputs(IStackState state);
}

/// <summary>A resource as the template declares it, before its values are evaluated.</summary>
public sealed record ResourceDefinition
{
    public required string LogicalId { get; init; }

    public required string Type { get; init; }

    /// <summary>Explicit (DependsOn) and implicit (Ref, GetAtt, Sub) dependencies on included resources.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    public string? DeletionPolicy { get; init; }

    public string? UpdateReplacePolicy { get; init; }
}

/// <summary>A resource's evaluated values. <see cref="Errors"/> non-empty means it cannot be applied as written.</summary>
public sealed record ResolvedResource
{
    public JsonObject Properties { get; init; } = [];

    public JsonObject? Metadata { get; init; }

    /// <summary><c>CreationPolicy.ResourceSignal</c>, when the resource waits for signals after it is created.</summary>
    public SignalPolicy? SignalPolicy { get; init; }

    /// <summary>Top-level property names whose value is not known yet (depends on a resource not created or changing).</summary>
    public IReadOnlySet<string> UnknownProperties { get; init; } = new HashSet<string>();

    /// <summary>What each unknown part waits for (<c>Properties/VpcId waits for Ref Vpc</c>), for messages.</summary>
    public IReadOnlyList<string> UnknownSources { get; init; } = [];

    public IReadOnlyList<string> Errors { get; init; } = [];

    public bool IsFullyKnown => UnknownProperties.Count == 0 && Errors.Count == 0;
}

/// <summary><c>CreationPolicy: ResourceSignal: {Count, Timeout}</c>; the timeout is an ISO-8601 duration in the template.</summary>
public sealed record SignalPolicy(int Count, TimeSpan Timeout);

/// <summary>An evaluated output; <see cref="Error"/> is set when it cannot be evaluated.</summary>
public sealed record ResolvedOutput(string Key, string? Value, string? Description, string? ExportName, string? Error = null);
