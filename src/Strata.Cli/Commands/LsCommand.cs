using System.CommandLine;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Engine.Model;

namespace Strata.Cli.Commands;

/// <summary><c>strata ls [--all] [--format text|json] [--data DIR]</c>: the stacks in the data directory.</summary>
public static class LsCommand
{
    public static Command Create(CliContext context)
    {
        var all = new Option<bool>("--all") { Description = "Include deleted and nested stacks" };
        var format = EngineCliOptions.TextOrJson();
        var data = EngineCliOptions.Data();
        var command = new Command("ls", "List stacks") { all, format, data };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context, parse.GetValue(all), CommonOptions.ParseFormat(parse.GetValue(format)), parse.GetValue(data)!, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, bool all, OutputFormat format, string data, CancellationToken cancellationToken)
    {
        using var store = EngineHost.OpenStore(data);
        var stacks = await store.ListStacksAsync(includeDeleted: all, includeNested: all, cancellationToken).ConfigureAwait(false);
        if (format == OutputFormat.Json)
        {
            EngineJson.Write(context.Out, EngineJson.Stacks(stacks));
            return ExitCodes.Success;
        }
        if (stacks.Count == 0)
        {
            context.Out.WriteLine("No stacks.");
            return ExitCodes.Success;
        }
        var nameWidth = Math.Max(4, stacks.Max(s => s.Name.Length));
        context.Out.WriteLine($"{"NAME".PadRight(nameWidth)}  {"STATUS",-40}  {"UPDATED",-20}  EXPIRES");
        foreach (var stack in stacks)
        {
            var expires = stack.ExpiresAt?.ToString("yyyy-MM-dd HH:mm") ?? "-";
            context.Out.WriteLine($"{stack.Name.PadRight(nameWidth)}  {stack.Status.ToCfn(),-40}  {stack.UpdatedAt:yyyy-MM-dd HH:mm:ss}  {expires}");
        }
        return ExitCodes.Success;
    }
}
