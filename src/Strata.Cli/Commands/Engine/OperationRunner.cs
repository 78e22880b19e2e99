using Strata.Cli.Infrastructure;
using Strata.Engine.Execution;
using Strata.Engine.Model;

namespace Strata.Cli.Commands.Engine;

/// <summary>
/// Runs <c>up</c> or <c>down</c> and shows it: a live tree on a terminal, one line per event when piped,
/// one JSON document with <c>--format json</c>; then maps the outcome to the CLI's exit codes.
/// </summary>
public static class OperationRunner
{
    public static async Task<int> RunAsync(
        CliContext context, EngineHost host, string stackName, OutputFormat format, double speed,
        Action<ProgressBoard> seed, Func<Task<OperationResult>> operation)
    {
        try
        {
            return await ShowAsync(context, host, stackName, format, speed, seed, operation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync($"strata: cancelled; stack {stackName} is left in progress — run the command again to resume it").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    private static async Task<int> ShowAsync(
        CliContext context, EngineHost host, string stackName, OutputFormat format, double speed,
        Action<ProgressBoard> seed, Func<Task<OperationResult>> operation)
    {
        OperationResult result;
        if (format == OutputFormat.Json)
        {
            result = await operation().ConfigureAwait(false);
            EngineJson.Write(context.Out, EngineJson.Operation(stackName, result));
            return ExitCode(result);
        }

        if (context.IsTerminal)
        {
            var board = new ProgressBoard(stackName, new EtaEstimator(speed));
            seed(board);
            host.Store.EventAppended += board.Apply;
            try
            {
                result = await LiveView.RunAsync(context.Out, context.UseColor, board, TimeProvider.System, operation).ConfigureAwait(false);
            }
            finally
            {
                host.Store.EventAppended -= board.Apply;
            }
        }
        else
        {
            var gate = new Lock();
            void Print(StackEvent e)
            {
                lock (gate)
                {
                    context.Out.WriteLine(EventText.Line(e, showStack: e.StackName != stackName));
                    context.Out.Flush();
                }
            }
            host.Store.EventAppended += Print;
            try
            {
                result = await operation().ConfigureAwait(false);
            }
            finally
            {
                host.Store.EventAppended -= Print;
            }
        }

        var messages = result.Succeeded || result.Outcome == OperationOutcome.NotFound ? result.Messages : [];
        EventText.Summary(context.Out, stackName, result.Stack, messages);
        if (!result.Succeeded && result.Outcome != OperationOutcome.NotFound)
        {
            foreach (var message in result.Messages)
            {
                context.Error.WriteLine("strata: " + message);
            }
        }
        context.Out.Flush();
        return ExitCode(result);
    }

    public static int ExitCode(OperationResult result) => result.Outcome switch
    {
        OperationOutcome.Succeeded or OperationOutcome.NoChanges or OperationOutcome.NotFound => ExitCodes.Success,
        _ => ExitCodes.Failed,
    };

    /// <summary>The sandbox speed the host runs at (for ETAs); 1 on AWS.</summary>
    public static double Speed(EngineHost host) => host.Speed;

    /// <summary>Statuses a stack settles in (events --follow stops there).</summary>
    public static bool IsSettled(StackStatus status) => !status.IsInProgress();
}
