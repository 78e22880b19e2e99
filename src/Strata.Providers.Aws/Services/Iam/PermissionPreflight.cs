using Strata.Providers.Aws.Configuration;
using Strata.Providers.Aws.Credentials;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.Sts;

namespace Strata.Providers.Aws.Services.Iam;

/// <summary>The pre-flight's verdict on permissions.</summary>
public enum PermissionVerdict
{
    /// <summary>The simulator allowed every action on every resource asked about.</summary>
    Allowed,

    /// <summary>The simulator denied at least one action (explicitly or for lack of an allow).</summary>
    Denied,

    /// <summary>
    /// The simulation could not be run (no permission to call the simulator, the endpoint lacks it, the principal
    /// cannot be simulated); <see cref="PermissionCheckResult.NotCheckedReason"/> says why. Nothing is claimed.
    /// </summary>
    NotChecked,
}

/// <summary>One action on one resource, as the simulator decided it.</summary>
public sealed record ActionPermission(string Action, string Resource, string Decision, IReadOnlyList<string> MissingContextValues)
{
    public bool IsAllowed => Decision == EvalDecisions.Allowed;
}

/// <summary>What a pre-flight shows for permissions: allowed, the denied actions, or "not checked" and why.</summary>
public sealed record PermissionCheckResult
{
    public required PermissionVerdict Verdict { get; init; }
    public string? PrincipalArn { get; init; }
    public IReadOnlyList<ActionPermission> Results { get; init; } = [];
    public string? NotCheckedReason { get; init; }

    public IReadOnlyList<ActionPermission> Denied => Results.Where(r => !r.IsAllowed).ToList();

    public static PermissionCheckResult NotChecked(string reason, string? principalArn = null) =>
        new() { Verdict = PermissionVerdict.NotChecked, NotCheckedReason = reason, PrincipalArn = principalArn };

    public string Summary => Verdict switch
    {
        PermissionVerdict.Allowed => $"{PrincipalArn} may perform all {Results.Count} checked action(s).",
        PermissionVerdict.Denied => $"{PrincipalArn} may not perform: " +
            string.Join(", ", Denied.Select(d => d.Resource == "*" ? $"{d.Action} ({d.Decision})" : $"{d.Action} on {d.Resource} ({d.Decision})")) + ".",
        _ => $"Permissions not checked: {NotCheckedReason}",
    };
}

/// <summary>
/// Runs IAM's policy simulator for the pre-flight, and says "not checked" — with the reason — whenever it cannot
/// get a real answer, instead of letting the deployment look permitted.
/// </summary>
public sealed class PermissionPreflight(IamClient iam)
{
    public async Task<PermissionCheckResult> CheckAsync(string principalArn, IReadOnlyList<string> actions, IReadOnlyList<string>? resourceArns = null,
        CancellationToken cancellationToken = default)
    {
        if (actions.Count == 0)
            return new PermissionCheckResult { Verdict = PermissionVerdict.Allowed, PrincipalArn = principalArn };
        try
        {
            var results = new List<ActionPermission>();
            var request = new SimulatePrincipalPolicyRequest(principalArn, actions) { ResourceArns = resourceArns ?? [] };
            await foreach (var result in iam.SimulateAllAsync(request, cancellationToken).ConfigureAwait(false))
            {
                var decision = result.AllowedByOrganizations == false ? EvalDecisions.ExplicitDeny : result.EvalDecision;
                results.Add(new ActionPermission(result.EvalActionName, result.EvalResourceName ?? "*", decision, result.MissingContextValues));
            }
            if (results.Count == 0)
                return PermissionCheckResult.NotChecked("IAM SimulatePrincipalPolicy returned no evaluation results.", principalArn);
            return new PermissionCheckResult
            {
                Verdict = results.All(r => r.IsAllowed) ? PermissionVerdict.Allowed : PermissionVerdict.Denied,
                PrincipalArn = principalArn,
                Results = results,
            };
        }
        catch (AwsException error)
        {
            return PermissionCheckResult.NotChecked(Reason(error), principalArn);
        }
    }

    /// <summary>Checks the identity the credentials belong to (an assumed role is simulated as its role).</summary>
    public async Task<PermissionCheckResult> CheckCallerAsync(StsClient sts, IReadOnlyList<string> actions, IReadOnlyList<string>? resourceArns = null,
        CancellationToken cancellationToken = default)
    {
        GetCallerIdentityResponse identity;
        try
        {
            identity = await sts.GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AwsException error)
        {
            return PermissionCheckResult.NotChecked($"the caller's identity is unknown: {error.Message}");
        }
        return IamPrincipal.FromCallerArn(identity.Arn) is { } principal
            ? await CheckAsync(principal, actions, resourceArns, cancellationToken).ConfigureAwait(false)
            : PermissionCheckResult.NotChecked($"IAM cannot simulate the policies of {identity.Arn} (only IAM users, groups and roles).", identity.Arn);
    }

    private static string Reason(AwsException error) => error switch
    {
        AwsServiceException { Code: "AccessDenied" or "AccessDeniedException" } =>
            $"the credentials may not call iam:SimulatePrincipalPolicy ({error.Message})",
        AwsServiceException { Code: "NoSuchEntity" } => $"the principal is unknown to IAM ({error.Message})",
        AwsServiceException { Code: "InvalidInput" } => $"IAM rejected the simulation request ({error.Message})",
        AwsServiceException { IsCredentialsRejection: true } or AwsCredentialsException => $"the credentials were rejected ({error.Message})",
        AwsEndpointUnreachableException => $"IAM could not be reached ({error.Message})",
        AwsConfigurationException => $"the AWS settings are unusable ({error.Message})",
        _ => $"IAM SimulatePrincipalPolicy is unavailable here ({error.Message})",
    };
}
