using System.CommandLine;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Engine.Model;

namespace Strata.Cli.Commands;

/// <summary><c>strata resources NAME [--format text|json] [--data DIR]</c>: the stack's resources and their status.</summary>
public static class ResourcesCommand
{
    public static Command Create(CliContext context)
    {
        var name = EngineCliOptions.StackName();
        var format = EngineCliOptions.TextOrJson();
        var data = EngineCliOptions.Data();
        var command = new Command("resources", "Show a stack's resources") { name, format, data };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context, parse.GetValue(name)!, CommonOptions.ParseFormat(parse.GetValue(format)), parse.GetValue(data)!, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string stackName, OutputFormat format, string data, CancellationToken cancellationToken)
    {
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
