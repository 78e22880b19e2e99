using System.CommandLine;
using System.Text.Json.Nodes;
using Strata.Cli.Commands.CloudFormation;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Engine.Model;
using Strata.Engine.State;

namespace Strata.Cli.Commands;

/// <summary>
/// What a per-stack read command shows of an engine stack: its JSON document, and for text the line to print
/// when there is nothing (<see cref="Empty"/>) or else the rows.
/// </summary>
internal sealed record StackListing(JsonNode Json, string Empty, IReadOnlyList<string> Rows);

/// <summary>
/// The shared frame of the per-stack read commands (<c>outputs</c>, <c>resources</c>):
/// <c>strata VERB NAME [--provider sandbox|aws|cloudformation] [--format text|json] [--data DIR]</c>. Without
/// <c>--provider</c> the provider holding the stack in the data directory answers: CloudFormation's stacks are
/// queried there, the engine's are loaded from the state store and listed under a "Stack NAME: STATUS" header.
/// </summary>
internal static class StackQueryCommand
{
    public delegate Task<int> CloudFormationQuery(CliContext context, string stackName, OutputFormat format, string data,
        CancellationToken cancellationToken);

    public delegate Task<StackListing> EngineQuery(StateStore store, StackRecord stack, CancellationToken cancellationToken);

    public static Command Create(CliContext context, string verb, string description, CloudFormationQuery cloudFormation, EngineQuery engine)
    {
        var name = EngineCliOptions.StackName();
        var provider = ProviderNames.Option("sandbox, aws or cloudformation (default: whichever holds the stack)");
        var format = EngineCliOptions.TextOrJson();
        var data = EngineCliOptions.Data();
        var command = new Command(verb, description) { name, provider, format, data };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context, parse.GetValue(name)!, CommonOptions.ParseFormat(parse.GetValue(format)), parse.GetValue(data)!,
            ProviderNames.Parse(parse.GetValue(provider)), cloudFormation, engine, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string stackName, OutputFormat format, string data, string? requestedProvider,
        CloudFormationQuery cloudFormation, EngineQuery engine, CancellationToken cancellationToken)
    {
        if (await StackOwnership.ResolveAsync(data, stackName, requestedProvider, cancellationToken).ConfigureAwait(false) == ProviderNames.CloudFormation)
        {
            return await cloudFormation(context, stackName, format, data, cancellationToken).ConfigureAwait(false);
        }
        using var store = EngineHost.OpenStore(data);
        var stack = await store.GetStackAsync(stackName, cancellationToken).ConfigureAwait(false)
            ?? throw new UsageException($"Stack {stackName} does not exist");
        var listing = await engine(store, stack, cancellationToken).ConfigureAwait(false);
        if (format == OutputFormat.Json)
        {
            EngineJson.Write(context.Out, listing.Json);
            return ExitCodes.Success;
        }
        context.Out.WriteLine($"Stack {stack.Name}: {stack.Status.ToCfn()}");
        if (listing.Rows.Count == 0)
        {
            context.Out.WriteLine(listing.Empty);
        }
        foreach (var row in listing.Rows)
        {
            context.Out.WriteLine(row);
        }
        return ExitCodes.Success;
    }
}
