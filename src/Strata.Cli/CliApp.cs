using System.CommandLine;
using Strata.Cli.Commands;
using Strata.Cli.Infrastructure;
using Strata.Providers.Aws;

namespace Strata.Cli;

/// <summary>
/// Assembles the <c>strata</c> command tree and runs it. Writers are injected so tests run the CLI in
/// process; parse errors exit with 2 (bad usage) as the CLI contract says, not System.CommandLine's 1, and so do
/// AWS errors that stop a command before it can report a result (settings, credentials, endpoint).
/// </summary>
public static class CliApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("Strata: validate, plan and deploy CloudFormation templates")
        {
            ValidateCommand.Create(context),
            PlanCommand.Create(context),
            UpCommand.Create(context),
            DownCommand.Create(context),
            ContinueRollbackCommand.Create(context),
            LsCommand.Create(context),
            EventsCommand.Create(context),
            OutputsCommand.Create(context),
            ResourcesCommand.Create(context),
            ServeCommand.Create(context),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool? isTerminal = null, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(output, error, isTerminal ?? !Console.IsOutputRedirected);
        var root = BuildRoot(context);
        var parse = root.Parse(args);
        // No forced kill after Ctrl-C: `up` handles it itself (finish running calls, then roll back).
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync("strata: " + parseError.Message);
            }

            await error.WriteLineAsync("Run 'strata --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync("strata: " + ex.Message);
            return ExitCodes.Usage;
        }
        catch (AwsException ex)
        {
            // AWS settings, credentials, an unreachable endpoint or a refused call: the message names the profile,
            // key id or endpoint (never a secret); one line, no stack trace.
            await error.WriteLineAsync("strata: " + ex.Message.ReplaceLineEndings(" "));
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("strata: cancelled");
            return ExitCodes.Failed;
        }
    }
}
