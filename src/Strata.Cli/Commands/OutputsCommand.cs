using System.CommandLine;
using Strata.Cli.Commands.CloudFormation;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Engine.Model;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata outputs NAME [--provider sandbox|aws|cloudformation] [--format text|json] [--data DIR]</c>. Without
/// <c>--provider</c> the provider holding the stack in the data directory answers.
/// </summary>
public static class OutputsCommand
{
    public static Command Create(CliContext context)
    {
        var name = EngineCliOptions.StackName();
        var provider = ProviderNames.Option("sandbox, aws or cloudformation (default: whichever holds the stack)");
        var format = EngineCliOptions.TextOrJson();
        var data = EngineCliOptions.Data();
        var command = new Command("outputs", "Show a stack's outputs") { name, provider, format, data };
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
            return await CloudFormationQueries.OutputsAsync(context, stackName, format, data, cancellationToken).ConfigureAwait(false);
        }
        using var store = EngineHost.OpenStore(data);
        var stack = await store.GetStackAsync(stackName, cancellationToken).ConfigureAwait(false)
            ?? throw new UsageException($"Stack {stackName} does not exist");
        if (format == OutputFormat.Json)
        {
            EngineJson.Write(context.Out, EngineJson.OutputsDocument(stack));
            return ExitCodes.Success;
        }
        context.Out.WriteLine($"Stack {stack.Name}: {stack.Status.ToCfn()}");
        if (stack.Outputs.Count == 0)
        {
            context.Out.WriteLine("No outputs.");
            return ExitCodes.Success;
        }
        var width = stack.Outputs.Max(o => o.Key.Length);
        foreach (var output in stack.Outputs)
        {
            var export = output.ExportName is null ? "" : $"  (export {output.ExportName})";
            context.Out.WriteLine($"{output.Key.PadRight(width)}  {output.Value}{export}");
        }
        return ExitCodes.Success;
    }
}
