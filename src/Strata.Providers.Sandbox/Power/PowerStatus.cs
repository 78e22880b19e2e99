namespace Strata.Providers.Sandbox.Power;

/// <summary>The power of an instance or database: its state, and when a transition under way completes.</summary>
public sealed record PowerStatus(string TypeName, string PhysicalId, string StackName, string LogicalId, PowerState State, DateTimeOffset? ReadyAt)
{
    /// <summary>The state as the service spells it (<c>running</c> for EC2, <c>available</c> for RDS).</summary>
    public string StateName => PowerNames.For(TypeName, State);
}

/// <summary>A start or stop the sandbox refuses (unknown resource, not stoppable, wrong state).</summary>
public sealed class SandboxPowerException(string message) : InvalidOperationException(message);
