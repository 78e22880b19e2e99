using System.CommandLine;
using Strata.Cli.Commands.CloudFormation;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Engine.Model;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata events NAME [--follow] [--provider sandbox|aws|cloudformation] [--format text|json] [--data DIR]</c>: the
/// stack's events, oldest first. <c>--follow</c> keeps printing new ones (written by another process, or by
/// CloudFormation) until the stack settles. Without <c>--provider</c> the provider holding the stack answers.
/// </summary>
public static class EventsCommand
{
    private static readonly TimeSpan FollowInterval = TimeSpan.FromMilliseconds(250);

    public static Command Create(CliContext context)
    {
        var name = EngineCliOptions.StackName();
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new events until the stack's operation ends" };
        var provider = ProviderNames.Option("sandbox, aws or cloudformation (default: whichever holds the stack)");
        var format = EngineCliOptions.TextOrJson();
        var data = EngineCliOptions.Data();
        var command = new Command("events", "Show a stack's events") { name, follow, provider, format, data };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context, parse.GetValue(name)!, parse.GetValue(follow), CommonOptions.ParseFormat(parse.GetValue(format)), parse.GetValue(data)!,
            ProviderNames.Parse(parse.GetValue(provider)), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string stackName, bool follow, OutputFormat format, string data, string? requestedProvider,
        CancellationToken cancellationToken)
    {
        if (await StackOwnership.ResolveAsync(data, stackName, requestedProvider, cancellationToken).ConfigureAwait(false) == ProviderNames.CloudFormation)
        {
            return await CloudFormationQueries.EventsAsync(context, stackName, follow, format, data, cancellationToken).ConfigureAwait(false);
        }
        using var store = EngineHost.OpenStore(data);
        var stack = await store.GetStackAsync(stackName, cancellationToken).ConfigureAwait(false)
            ?? throw new UsageException($"Stack {stackName} does not exist");
        var collected = new List<StackEvent>();
        long last = 0;
        try
        {
            while (true)
            {
                var batch = await store.GetEventsAsync(stack.StackId, last, cancellationToken).ConfigureAwait(false);
                foreach (var e in batch)
                {
                    last = e.Sequence;
                    if (format == OutputFormat.Json)
                    {
                        collected.Add(e);
                    }
                    else
                    {
                        context.Out.WriteLine(EventText.Line(e, showStack: false));
                    }
                }
                context.Out.Flush();
                var current = await store.GetStackByIdAsync(stack.StackId, cancellationToken).ConfigureAwait(false);
                if (!follow || current is null || (OperationRunner.IsSettled(current.Status) && batch.Count == 0))
                {
                    break;
                }
                await Task.Delay(FollowInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (follow)
        {
            // Ctrl-C ends --follow; what was printed stands.
        }
        if (format == OutputFormat.Json)
        {
            EngineJson.Write(context.Out, ContractJson.Events(collected));
        }
        return ExitCodes.Success;
    }
}
