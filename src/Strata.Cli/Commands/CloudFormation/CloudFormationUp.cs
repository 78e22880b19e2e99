using System.Text.Json.Nodes;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Providers.Aws.CloudFormation;

namespace Strata.Cli.Commands.CloudFormation;

/// <summary>
/// <c>up</c> and <c>plan</c> with <c>--provider cloudformation</c>: the template goes through Strata's validator first
/// (the same pre-flight as the engine's), then to CloudFormation as a change set. <c>up</c> shows the change set as
/// the plan, executes it and follows the stack to its end; <c>plan</c> shows it and deletes it.
/// </summary>
public static class CloudFormationUp
{
    public static async Task<int> UpAsync(CliContext context, UpCommand.UpArguments args, TemplateFile template, CancellationToken cancellationToken)
    {
        CheckOptions(args);
        if (TemplatePreflight.Check(context, template, args.Stack, args.Parameters, args.Format) is { } refused)
        {
            return refused;
        }

        var deployer = CloudFormationHost.Open(args.Data);
        var request = new CloudFormationUpRequest
        {
            StackName = args.Stack,
            TemplateBody = template.Body,
            TemplatePath = template.Path,
            Parameters = args.Parameters,
            TimeToLive = args.Ttl,
            Timeout = args.Timeout,
            DisableRollback = args.NoRollback,
            ReplaceFailedStack = args.ReplaceFailed,
        };
        using var operation = new CloudFormationOperation(context, args.Stack, args.Format, cancellationToken);
        return await operation.RunAsync(async token =>
        {
            var plan = CloudFormationContinueRollback.PointAtCommand(await deployer.PlanAsync(request, token).ConfigureAwait(false));
            if (args.Format == OutputFormat.Text && plan.HasChanges)
            {
                // The change set is the plan: shown before it runs (above the live view, which redraws below it).
                PlanText.Write(context.Out, plan.StackName, plan.PreviousStatus, plan.Changes);
                context.Out.Flush();
            }
            return await operation.ShowAsync(
                board =>
                {
                    foreach (var change in plan.Changes)
                    {
                        board.AddPending(plan.StackName, change.LogicalId, change.Type);
                    }
                    return Task.CompletedTask;
                },
                observer => deployer.ExecuteAsync(plan, observer, token)).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public static async Task<int> PlanAsync(CliContext context, string stackName, TemplateFile template,
        IReadOnlyDictionary<string, string> parameters, OutputFormat format, string data, CancellationToken cancellationToken)
    {
        if (TemplatePreflight.Check(context, template, stackName, parameters, format) is { } refused)
        {
            return refused;
        }

        var deployer = CloudFormationHost.Open(data);
        var request = new CloudFormationUpRequest { StackName = stackName, TemplateBody = template.Body, TemplatePath = template.Path, Parameters = parameters };
        var plan = CloudFormationContinueRollback.PointAtCommand(await deployer.PlanAsync(request, cancellationToken).ConfigureAwait(false));
        try
        {
            Show(context, plan, format);
            return plan.Status == ChangeSetPlanStatus.Refused ? ExitCodes.Failed : ExitCodes.Success;
        }
        finally
        {
            // A plan changes nothing: its change set (and, for a new stack, the empty stack holding it) goes.
            await deployer.DiscardAsync(plan, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static void Show(CliContext context, ChangeSetPlan plan, OutputFormat format)
    {
        var refused = plan.Status == ChangeSetPlanStatus.Refused;
        if (format == OutputFormat.Json)
        {
            var document = CloudFormationJson.Plan(plan);
            // The change set is deleted right after: its id would point at nothing.
            document.Remove("changeSetId");
            if (refused)
            {
                document["rootCause"] = plan.RootCause is { } cause ? new JsonObject
                {
                    ["logicalId"] = cause.LogicalId,
                    ["type"] = cause.Type,
                    ["errorCode"] = cause.ErrorCode,
                    ["message"] = cause.Message,
                } : null;
                document["errors"] = new JsonArray(plan.Messages.Select(m => (JsonNode?)m).ToArray());
            }
            EngineJson.Write(context.Out, document);
        }
        else if (!refused)
        {
            foreach (var message in plan.Messages)
            {
                context.Out.WriteLine(message);
            }
            PlanText.Write(context.Out, plan.StackName, plan.PreviousStatus, plan.Changes);
        }
        if (refused)
        {
            foreach (var message in plan.Messages)
            {
                context.Error.WriteLine("strata: " + message);
            }
        }
    }

    /// <summary>Options that mean nothing to CloudFormation are refused rather than silently ignored.</summary>
    private static void CheckOptions(UpCommand.UpArguments args)
    {
        if (args.ResourceTimeout is not null)
        {
            throw new UsageException("--resource-timeout is for Strata's engine; CloudFormation applies its own per-resource limits. " +
                                     "Use --timeout to bound the whole operation");
        }
        if (args.MaxParallel is not null)
        {
            throw new UsageException("--max-parallel is for Strata's engine; CloudFormation decides how many resources it builds at once");
        }
    }
}
