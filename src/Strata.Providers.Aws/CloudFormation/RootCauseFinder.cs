using System.Text.RegularExpressions;
using Strata.Engine.Model;
using CfnEvent = Strata.Providers.Aws.Services.CloudFormation.StackEvent;

namespace Strata.Providers.Aws.CloudFormation;

/// <summary>
/// Finds why a CloudFormation operation failed in its event log: the first resource that genuinely failed.
/// A failure cascades: CloudFormation cancels the resources still in flight ("Resource creation cancelled")
/// and the stack-level events only summarise ("The following resource(s) failed to create: [A, B]"); neither
/// is the cause. A nested stack's "Embedded stack ... was not successfully created" is a summary too, used
/// only when nothing better exists.
/// </summary>
public static partial class RootCauseFinder
{
    public const string StackType = "AWS::CloudFormation::Stack";

    /// <summary>When a reason carries no error code (CloudFormation's own messages): the engine's code for "not known".</summary>
    public const string UnknownErrorCode = "Unknown";

    /// <param name="events">The operation's events, oldest first (see <see cref="LatestOperation"/>).</param>
    public static RootCause? Find(IReadOnlyList<CfnEvent> events, string stackId, string stackName) =>
        FindResourceFailure(events, stackId, stackName) ?? FindStackFailure(events, stackId, stackName);

    /// <summary>The first resource that failed on its own (cancellations and nested-stack summaries skipped unless nothing else failed).</summary>
    public static RootCause? FindResourceFailure(IReadOnlyList<CfnEvent> events, string stackId, string stackName)
    {
        CfnEvent? summary = null;
        foreach (var e in events)
        {
            if (!IsFailed(e) || StackNames.IsStackLevel(e, stackId, stackName) || IsCancellation(e.ResourceStatusReason)) continue;
            if (IsNestedSummary(e))
            {
                summary ??= e;
                continue;
            }
            return FromEvent(e);
        }
        return summary is null ? null : FromEvent(summary);
    }

    /// <summary>
    /// The stack's own failure reason, for failures no resource reports (a template CloudFormation rejected while
    /// executing, a cancelled update).
    /// </summary>
    public static RootCause? FindStackFailure(IReadOnlyList<CfnEvent> events, string stackId, string stackName)
    {
        var stackFailure = events.FirstOrDefault(e => StackNames.IsStackLevel(e, stackId, stackName) &&
            !string.IsNullOrWhiteSpace(e.ResourceStatusReason) &&
            (IsFailed(e) || e.ResourceStatus is "ROLLBACK_IN_PROGRESS" or "UPDATE_ROLLBACK_IN_PROGRESS"));
        return stackFailure is null ? null : FromEvent(stackFailure with { LogicalResourceId = stackName, ResourceType = StackType });
    }

    /// <summary>The events of the stack's latest operation: from its last CREATE/UPDATE/DELETE/IMPORT_IN_PROGRESS stack event on.</summary>
    public static IReadOnlyList<CfnEvent> LatestOperation(IReadOnlyList<CfnEvent> oldestFirst, string stackId, string stackName)
    {
        for (var i = oldestFirst.Count - 1; i >= 0; i--)
        {
            var e = oldestFirst[i];
            if (StackNames.IsStackLevel(e, stackId, stackName) && e.ResourceStatus is { } status && StackStates.StartsOperation(status))
                return oldestFirst.Skip(i).ToList();
        }
        return oldestFirst;
    }

    /// <summary>
    /// The error code inside a CloudFormation reason: Cloud Control handlers end with "HandlerErrorCode: X",
    /// older resource providers quote the service's "Error Code: X".
    /// </summary>
    public static string ErrorCode(string? reason)
    {
        if (string.IsNullOrEmpty(reason)) return UnknownErrorCode;
        var match = HandlerErrorCodePattern().Match(reason);
        if (!match.Success) match = ServiceErrorCodePattern().Match(reason);
        return match.Success ? match.Groups["code"].Value : UnknownErrorCode;
    }

    public static bool IsCancellation(string? reason) =>
        reason is not null && (reason.StartsWith("Resource creation cancelled", StringComparison.OrdinalIgnoreCase) ||
                               reason.StartsWith("Resource update cancelled", StringComparison.OrdinalIgnoreCase) ||
                               reason.StartsWith("Resource deletion cancelled", StringComparison.OrdinalIgnoreCase));

    private static bool IsFailed(CfnEvent e) => e.ResourceStatus?.EndsWith("_FAILED", StringComparison.Ordinal) == true;

    private static bool IsNestedSummary(CfnEvent e) =>
        e.ResourceType == StackType && e.ResourceStatusReason?.StartsWith("Embedded stack", StringComparison.Ordinal) == true;

    private static RootCause FromEvent(CfnEvent e) => new(
        e.LogicalResourceId ?? e.StackName,
        e.ResourceType ?? StackType,
        ErrorCode(e.ResourceStatusReason),
        string.IsNullOrWhiteSpace(e.ResourceStatusReason) ? $"{e.ResourceStatus} (CloudFormation gave no reason)" : e.ResourceStatusReason);

    [GeneratedRegex(@"HandlerErrorCode:\s*(?<code>[A-Za-z][A-Za-z0-9.]*)")]
    private static partial Regex HandlerErrorCodePattern();

    [GeneratedRegex(@"Error Code:\s*(?<code>[A-Za-z][A-Za-z0-9.]*)")]
    private static partial Regex ServiceErrorCodePattern();
}
