using Strata.Cli.Infrastructure;
using Strata.Providers.Aws.CloudFormation;

namespace Strata.Cli.Commands.CloudFormation;

/// <summary>
/// <c>continue-rollback</c>: ContinueUpdateRollback on a stack Strata deployed with <c>--provider cloudformation</c>,
/// then the rollback followed event by event, shown as <c>up</c> and <c>down</c> show theirs.
/// </summary>
public static class CloudFormationContinueRollback
{
    /// <summary>How the CLI tells a user to get a stack out of UPDATE_ROLLBACK_FAILED.</summary>
    public static string Usage(string stackName) => $"strata continue-rollback {stackName} [--skip ID]...";

    public static async Task<int> RunAsync(CliContext context, string stackName, IReadOnlyList<string> skip, OutputFormat format, string data,
        CancellationToken cancellationToken)
    {
        await CheckTrackedAsync(stackName, data, cancellationToken).ConfigureAwait(false);
        var resourcesToSkip = CheckSkip(skip);

        var deployer = CloudFormationHost.Open(data);
        DeploymentResult? result = null;
        using var operation = new CloudFormationOperation(context, stackName, format, cancellationToken);
        var code = await operation.RunAsync(token => operation.ShowAsync(
            // Nothing to show as pending: a rollback touches what the failed update touched, which events will name.
            _ => Task.CompletedTask,
            async observer => result = await deployer.ContinueUpdateRollbackAsync(
                new CloudFormationContinueRollbackRequest { StackName = stackName, ResourcesToSkip = resourcesToSkip }, observer, token)
                .ConfigureAwait(false))).ConfigureAwait(false);
        // Unlike down, a stack CloudFormation does not know cannot have its rollback continued: the name or the
        // account/region is wrong, which is bad usage rather than success.
        return result?.Outcome == DeploymentOutcome.NotFound ? ExitCodes.Usage : code;
    }

    /// <summary>Only CloudFormation-mode stacks have a rollback to continue; says why any other name does not.</summary>
    private static async Task CheckTrackedAsync(string stackName, string data, CancellationToken cancellationToken)
    {
        if (CloudFormationRecordStore.Tracks(data, stackName))
        {
            return;
        }
        var owners = await StackOwnership.FindAsync(data, stackName, cancellationToken).ConfigureAwait(false);
        if (owners.FirstOrDefault() is { } engine)
        {
            throw new UsageException($"Stack {stackName} is a {engine.Provider} stack ({engine.Status}): Strata's engine rolls back its own " +
                                     "failures, so there is no rollback to continue. continue-rollback is for stacks deployed with --provider cloudformation");
        }
        throw new UsageException($"Stack {stackName} is not a CloudFormation stack deployed from data directory {Path.GetFullPath(data)} " +
                                 "(continue-rollback is for stacks deployed with --provider cloudformation)");
    }

    private static IReadOnlyList<string> CheckSkip(IReadOnlyList<string> skip)
    {
        if (skip.FirstOrDefault(string.IsNullOrWhiteSpace) is not null)
        {
            throw new UsageException("--skip needs a resource's logical id, e.g. --skip Database");
        }
        // CloudFormation rejects a list naming a resource twice; a repeated --skip is harmless, so it is sent once.
        return skip.Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The deployer's refusal of an update to an UPDATE_ROLLBACK_FAILED stack names the API; the CLI names its command.
    /// </summary>
    public static ChangeSetPlan PointAtCommand(ChangeSetPlan plan)
    {
        if (plan.Status != ChangeSetPlanStatus.Refused || plan.PreviousStatus != StackStates.UpdateRollbackFailed || plan.Messages.Count == 0)
        {
            return plan;
        }
        var advice = $"Stack {plan.StackName} is UPDATE_ROLLBACK_FAILED: continue the rollback first ({Usage(plan.StackName)}, " +
                     "skipping resources that cannot be rolled back), then update it.";
        var refusal = plan.Messages[^1];
        return plan with
        {
            Messages = [.. plan.Messages.SkipLast(1), advice],
            // Without an earlier failure on record the refusal itself is the root cause: it gets the same wording.
            RootCause = plan.RootCause is { } cause && cause.Message == refusal ? cause with { Message = advice } : plan.RootCause,
        };
    }
}
