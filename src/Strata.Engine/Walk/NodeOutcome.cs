namespace Strata.Engine.Walk;

/// <summary>How one node of a walk ended.</summary>
public enum NodeOutcome
{
    /// <summary>Visited, and the visit succeeded.</summary>
    Succeeded,

    /// <summary>Visited, and the visit failed (or threw).</summary>
    Failed,

    /// <summary>Not visited: something it depends on failed or was skipped (Terraform's walk).</summary>
    Skipped,

    /// <summary>Not visited: the walk was stopped (a failure elsewhere with stop-on-failure, or a graceful cancel).</summary>
    NotStarted,
}
