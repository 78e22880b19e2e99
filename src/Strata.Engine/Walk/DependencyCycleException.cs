namespace Strata.Engine.Walk;

/// <summary>The graph has a cycle; <see cref="Members"/> names the nodes on it (or blocked behind it).</summary>
public sealed class DependencyCycleException(IReadOnlyList<string> members)
    : Exception("Circular dependency between: " + string.Join(", ", members))
{
    public IReadOnlyList<string> Members { get; } = members;
}
