using System.CommandLine;
using Strata.Cli.Commands.CloudFormation;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Engine.Model;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata resources NAME [--provider sandbox|aws|cloudformation] [--format text|json] [--data DIR]</c>: the stack's
/// resources and their status. Without <c>--provider</c> the provider holding the stack in the data directory answers.
/// </summary>
public static class ResourcesCommand
{
    public static Command Create(CliContext context)
    {
        var name = EngineCliOptions.StackName();
        var provider = ProviderNames.Option("sandbox, aws or cloudformation (default: whichever holds the stack)");
        var format = EngineCliOptions.TextOrJson();
        var data = EngineCliOptions.Data();
        var command = new Command("resources", "Show a stack's resources") { name, provider, format, data };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context, parse.GetValue(name)!, CommonOptions.ParseFormat(parse.GetValue(format)), parse.GetValue(data)!,
            ProviderNames.Parse(parse.GetValue(provider)), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string stackName, OutputFormat format, string data, string? requestedProvider,
        CancellationToken cancellationToken)
    {
        if (await StackOwnership.ResolveAsync(data, stackName, requestedProvider, cancellationToken).ConfigureAwait(false) == ProviderNames.CloudFormation)
        {
            return await CloudFormationQueries.ResourcesAsync(context, stackName, format, data, cancellationToken).ConfigureAwait(false);
        }
        using var store = EngineHost.OpenStore(data);
        var stack = await store.GetStackAsync(stackName, cancellationToken).ConfigureAwait(false)
            ?? throw new UsageException($"Stack {stackName} does not exist");
        var resources = await store.GetResourcesAsync(stack.StackId, cancellationToken).ConfigureAwait(false);
        if (format == OutputFormat.Json)
        {
            EngineJson.Write(context.Out, EngineJson.Resources(stack, resources));
            return ExitCodes.Success;
        }
        context.Out.WriteLine($"Stack {stack.Name}: {stack.Status.ToCfn()}");
        if (resources.Count == 0)
        {
            context.Out.WriteLine("No resources.");
            return ExitCodes.Success;
        }
        var idWidth = resources.Max(r => r.LogicalId.Length);
        var typeWidth = resources.Max(r => r.Type.Length);
        foreach (var r in resources)
        {
            var old = r.IsCurrent ? "" : "  (replaced, pending deletion)";
            context.Out.WriteLine($"{r.LogicalId.PadRight(idWidth)}  {r.Type.PadRight(typeWidth)}  {r.PhysicalId ?? "-",-40}  {r.Status.ToCfn()}{old}");
        }
        return ExitCodes.Success;
    }
}
