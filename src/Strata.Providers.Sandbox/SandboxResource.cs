using System.Text.Json.Nodes;
using Strata.Providers.Sandbox.Power;

namespace Strata.Providers.Sandbox;

/// <summary>A resource in the sandbox cloud, as listed by <see cref="SandboxCloud.ListResourcesAsync"/>.</summary>
public sealed record SandboxResource(
    string TypeName,
    string PhysicalId,
    string StackName,
    string LogicalId,
    string Region,
    string State,
    PowerState? Power,
    JsonObject Model,
    DateTimeOffset CreatedAt);
