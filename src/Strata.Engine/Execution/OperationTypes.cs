using Strata.Engine.Definition;
using Strata.Engine.Model;

namespace Strata.Engine.Execution;

/// <summary>What <c>strata up</c> asks for.</summary>
public sealed record UpRequest
{
    public required string StackName { get; init; }

    public required TemplateSource Template { get; init; }

    /// <summary>Parameter values given now; on an update, parameters not given keep their previous value.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public bool DisableRollback { get; init; }

    /// <summary>The stack's lease (<c>--ttl</c>): recorded as ExpiresAt.</summary>
    public TimeSpan? TimeToLive { get; init; }

    public TimeSpan? ResourceTimeout { get; init; }

    public int? MaxParallel { get; init; }

    /// <summary>Graceful stop (first Ctrl-C): start nothing new, let running calls finish, then roll back.</summary>
    public CancellationToken Stop { get; init; }

    internal string? ParentStackId { get; init; }

    internal int Depth { get; init; }
}

public enum OperationOutcome
{
    Succeeded,
    /// <summary>Nothing to do: the stack already matches the template.</summary>
    NoChanges,
    /// <summary>The operation ran and failed (rolled back, or left as it is with no-rollback).</summary>
    Failed,
    /// <summary>Refused before it started: invalid template or parameters, export conflict, export in use.</summary>
    Refused,
    /// <summary>Another process is changing the stack.</summary>
    Busy,
    NotFound,
}

/// <summary>How an operation ended, with the stack as it is now.</summary>
public sealed record OperationResult(OperationOutcome Outcome, StackRecord? Stack, IReadOnlyList<string> Messages)
{
    public bool Succeeded => Outcome is OperationOutcome.Succeeded or OperationOutcome.NoChanges;

    public RootCause? RootCause => Stack?.RootCause;

    public static OperationResult Refused(params string[] messages) => new(OperationOutcome.Refused, null, messages);
}
