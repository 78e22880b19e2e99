using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Engine.Model;
using Strata.Providers.Aws.CloudFormation;

namespace Strata.Cli.Commands.CloudFormation;

/// <summary>
/// <c>events</c>, <c>outputs</c> and <c>resources</c> for stacks CloudFormation builds: what CloudFormation reports
/// now, in the engine's document shapes, plus what Strata kept (the root cause of the last failure, the lease).
/// </summary>
public static class CloudFormationQueries
{
    public static async Task<int> EventsAsync(CliContext context, string stackName, bool follow, OutputFormat format, string data,
        CancellationToken cancellationToken)
    {
        var deployer = CloudFormationHost.Open(data);
        if (!follow)
        {
            var events = await deployer.GetEventsAsync(stackName, cancellationToken).ConfigureAwait(false) ?? throw NotFound(stackName);
            if (format == OutputFormat.Json)
            {
                EngineJson.Write(context.Out, ContractJson.Events(events));
                return ExitCodes.Success;
            }
            foreach (var e in events)
            {
                context.Out.WriteLine(EventText.Line(e, showStack: false));
            }
            context.Out.Flush();
            return ExitCodes.Success;
        }

        var collected = new CollectingObserver();
        IDeploymentObserver observer = format == OutputFormat.Json ? collected : new PlainLinesObserver(context, stackName);
        using var ctrlC = new CtrlCScope(cancellationToken);
        try
        {
            // From the first event, then on until the stack settles (hangs are flagged on stderr).
            _ = await deployer.FollowAsync(stackName, observer, null, ctrlC.Token).ConfigureAwait(false) ?? throw NotFound(stackName);
        }
        catch (OperationCanceledException) when (ctrlC.Token.IsCancellationRequested)
        {
            // Ctrl-C ends --follow; what was printed (or collected) stands.
        }
        if (format == OutputFormat.Json)
        {
            EngineJson.Write(context.Out, ContractJson.Events(collected.Events));
        }
        return ExitCodes.Success;
    }

    public static async Task<int> OutputsAsync(CliContext context, string stackName, OutputFormat format, string data, CancellationToken cancellationToken)
    {
        var deployer = CloudFormationHost.Open(data);
        var view = await deployer.DescribeAsync(stackName, cancellationToken).ConfigureAwait(false) ?? throw NotFound(stackName);
        if (format == OutputFormat.Json)
        {
            EngineJson.Write(context.Out, CloudFormationJson.Outputs(view));
            return ExitCodes.Success;
        }
        CloudFormationText.StackHeader(context.Out, view);
        if (view.Outputs.Count == 0)
        {
            context.Out.WriteLine("No outputs.");
        }
        CloudFormationText.WriteOutputs(context.Out, view.Outputs, heading: null, indent: "");
        return ExitCodes.Success;
    }

    public static async Task<int> ResourcesAsync(CliContext context, string stackName, OutputFormat format, string data, CancellationToken cancellationToken)
    {
        var deployer = CloudFormationHost.Open(data);
        var view = await deployer.DescribeAsync(stackName, cancellationToken).ConfigureAwait(false) ?? throw NotFound(stackName);
        // A deleted stack has no resources left to list.
        var resources = await deployer.GetResourcesAsync(stackName, cancellationToken).ConfigureAwait(false) ?? [];
        if (format == OutputFormat.Json)
        {
            EngineJson.Write(context.Out, CloudFormationJson.Resources(view, resources));
            return ExitCodes.Success;
        }
        CloudFormationText.StackHeader(context.Out, view);
        if (resources.Count == 0)
        {
            context.Out.WriteLine("No resources.");
            return ExitCodes.Success;
        }
        var idWidth = resources.Max(r => r.LogicalId.Length);
        var typeWidth = resources.Max(r => r.Type.Length);
        foreach (var r in resources)
        {
            var reason = r.StatusReason is { Length: > 0 } text && r.Status.EndsWith("FAILED", StringComparison.Ordinal) ? "  " + text : "";
            context.Out.WriteLine($"{r.LogicalId.PadRight(idWidth)}  {r.Type.PadRight(typeWidth)}  {r.PhysicalId ?? "-",-40}  {r.Status}{reason}");
        }
        return ExitCodes.Success;
    }

    private static UsageException NotFound(string stackName) =>
        new($"Stack {stackName} does not exist in CloudFormation, and Strata has no record of it");
}
