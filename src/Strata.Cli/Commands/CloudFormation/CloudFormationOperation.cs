using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Providers.Aws.CloudFormation;

namespace Strata.Cli.Commands.CloudFormation;

/// <summary>
/// Runs a CloudFormation-mode <c>up</c>, <c>down</c> or <c>continue-rollback</c> and shows it as the engine's are shown: one JSON document with
/// <c>--format json</c>, a live tree on a terminal, one line per event when piped; then the exit code.
/// <para>
/// Ctrl-C stops following, not the operation: CloudFormation carries on regardless of this process, and Strata's
/// record keeps the read position, so <c>strata events NAME --follow</c> picks up where this left off.
/// </para>
/// </summary>
public sealed class CloudFormationOperation : IDisposable
{
    /// <summary>CloudFormation's own durations: no sandbox speed-up for the ETAs.</summary>
    private const double RealTime = 1;

    private readonly CliContext _context;
    private readonly string _stackName;
    private readonly OutputFormat _format;
    private readonly CtrlCScope _ctrlC;

    public CloudFormationOperation(CliContext context, string stackName, OutputFormat format, CancellationToken cancellationToken)
    {
        _context = context;
        _stackName = stackName;
        _format = format;
        _ctrlC = new CtrlCScope(cancellationToken);
    }

    /// <summary>Cancelled by the first Ctrl-C.</summary>
    public CancellationToken Token => _ctrlC.Token;

    /// <summary>Runs <paramref name="body"/>; a Ctrl-C ends it with a pointer to <c>events --follow</c> (exit 1).</summary>
    public async Task<int> RunAsync(Func<CancellationToken, Task<int>> body)
    {
        try
        {
            return await body(Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
            await _context.Error.WriteLineAsync(
                $"strata: stopped following stack {_stackName}; CloudFormation carries on with it — follow it with 'strata events {_stackName} --follow'")
                .ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    /// <summary>Shows <paramref name="operation"/> while it runs, then its summary; returns the CLI's exit code.</summary>
    /// <param name="seed">Rows shown as pending before the first event (terminal only).</param>
    public async Task<int> ShowAsync(Func<ProgressBoard, Task> seed, Func<IDeploymentObserver, Task<DeploymentResult>> operation)
    {
        DeploymentResult result;
        IReadOnlyList<string> alreadyShown = [];
        if (_format == OutputFormat.Json)
        {
            result = await operation(NullDeploymentObserver.Instance).ConfigureAwait(false);
            EngineJson.Write(_context.Out, CloudFormationJson.Operation(result));
            return ExitCode(result);
        }
        if (_context.IsTerminal)
        {
            var board = new ProgressBoard(_stackName, new EtaEstimator(RealTime));
            await seed(board).ConfigureAwait(false);
            result = await LiveView.RunAsync(_context.Out, _context.UseColor, board, TimeProvider.System, async () =>
            {
                try
                {
                    return await operation(new BoardObserver(board)).ConfigureAwait(false);
                }
                finally
                {
                    board.DropPending();
                }
            }).ConfigureAwait(false);
        }
        else
        {
            var observer = new PlainLinesObserver(_context, _stackName);
            result = await operation(observer).ConfigureAwait(false);
            alreadyShown = observer.Warned;
        }

        var failed = !result.Succeeded && result.Outcome != DeploymentOutcome.NotFound;
        foreach (var warning in result.Warnings.Except(alreadyShown))
        {
            _context.Error.WriteLine("strata: warning: " + warning);
        }
        var fresh = result.Messages.Except(alreadyShown).ToList();
        CloudFormationText.Summary(_context.Out, result, failed ? [] : fresh);
        if (failed)
        {
            foreach (var message in fresh)
            {
                _context.Error.WriteLine("strata: " + message);
            }
        }
        _context.Out.Flush();
        return ExitCode(result);
    }

    public static int ExitCode(DeploymentResult result) => result.Outcome switch
    {
        DeploymentOutcome.Succeeded or DeploymentOutcome.NoChanges or DeploymentOutcome.NotFound => ExitCodes.Success,
        _ => ExitCodes.Failed,
    };

    public void Dispose() => _ctrlC.Dispose();
}
