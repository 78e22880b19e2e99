using System.CommandLine;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;

namespace Strata.Cli.Commands;

/// <summary><c>strata down NAME [--format text|json] [--data DIR]</c>: deletes the stack's resources in reverse dependency order.</summary>
public static class DownCommand
{
    public static Command Create(CliContext context)
    {
        var name = EngineCliOptions.StackName();
        var format = EngineCliOptions.TextOrJson();
        var data = EngineCliOptions.Data();
        var command = new Command("down", "Delete a stack and its resources (Retain policies are honoured)") { name, format, data };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context, parse.GetValue(name)!, CommonOptions.ParseFormat(parse.GetValue(format)), parse.GetValue(data)!, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string stackName, OutputFormat format, string data, CancellationToken cancellationToken)
    {
        using var host = EngineHost.Open(data);
        return await OperationRunner.RunAsync(context, host, stackName, format, OperationRunner.Speed(host),
            board =>
            {
                var stack = host.Store.GetStackAsync(stackName, CancellationToken.None).GetAwaiter().GetResult();
                if (stack is null)
                {
                    return;
                }
                foreach (var record in host.Store.GetResourcesAsync(stack.StackId, CancellationToken.None).GetAwaiter().GetResult())
                {
                    board.AddPending(stackName, record.LogicalId, record.Type);
                }
            },
            // Deletion is not rolled back, so a Ctrl-C is an abort here; the next down resumes from the journal.
            () => host.Engine.DownAsync(stackName, cancellationToken)).ConfigureAwait(false);
    }
}
