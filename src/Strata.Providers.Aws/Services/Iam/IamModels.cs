namespace Strata.Providers.Aws.Services.Iam;

/// <summary>IAM's evaluation decisions.</summary>
public static class EvalDecisions
{
    public const string Allowed = "allowed";
    public const string ExplicitDeny = "explicitDeny";
    public const string ImplicitDeny = "implicitDeny";
}

/// <summary>A condition key value for the simulation (e.g. <c>aws:RequestedRegion</c> = <c>eu-west-1</c>).</summary>
/// <param name="ContextKeyType">string, stringList, numeric, numericList, boolean, booleanList, ip, ipList, binary, binaryList, date, dateList.</param>
public sealed record ContextEntry(string ContextKeyName, IReadOnlyList<string> ContextKeyValues, string ContextKeyType = "string");

public sealed record SimulatePrincipalPolicyRequest(string PolicySourceArn, IReadOnlyList<string> ActionNames)
{
    /// <summary>Resources to test the actions on; none means "*".</summary>
    public IReadOnlyList<string> ResourceArns { get; init; } = [];
    public IReadOnlyList<ContextEntry> ContextEntries { get; init; } = [];

    /// <summary>Extra identity policies (JSON) to include, as if attached.</summary>
    public IReadOnlyList<string> PolicyInputList { get; init; } = [];
    public string? CallerArn { get; init; }
    public int? MaxItems { get; init; }
    public string? Marker { get; init; }
}

/// <summary>Where a policy statement that decided a result sits.</summary>
public sealed record StatementPosition(int Line, int Column);

public sealed record MatchedStatement(string? SourcePolicyId, string? SourcePolicyType, StatementPosition? StartPosition, StatementPosition? EndPosition);

public sealed record EvaluationResult
{
    public string EvalActionName { get; init; } = "";
    public string? EvalResourceName { get; init; }

    /// <summary>allowed, explicitDeny or implicitDeny (see <see cref="EvalDecisions"/>).</summary>
    public string EvalDecision { get; init; } = "";
    public IReadOnlyList<MatchedStatement> MatchedStatements { get; init; } = [];

    /// <summary>Condition keys the policies need that the simulation was not given: the decision may be wrong without them.</summary>
    public IReadOnlyList<string> MissingContextValues { get; init; } = [];

    /// <summary>False when an Organizations SCP denies the action.</summary>
    public bool? AllowedByOrganizations { get; init; }

    public bool IsAllowed => EvalDecision == EvalDecisions.Allowed;
}

public sealed record SimulatePrincipalPolicyResponse(IReadOnlyList<EvaluationResult> EvaluationResults, bool IsTruncated, string? Marker);
