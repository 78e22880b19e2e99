namespace Strata.Cli.Infrastructure;

/// <summary>
/// Turns the first Ctrl-C into a cancellation the command handles itself (ending a wait, printing where things
/// stand); a second Ctrl-C ends the process as usual. The CLI leaves Ctrl-C to each command (see <see cref="CliApp"/>).
/// </summary>
public sealed class CtrlCScope : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly ConsoleCancelEventHandler _onCancel;

    public CtrlCScope(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _onCancel = (_, e) =>
        {
            if (!_stop.IsCancellationRequested)
            {
                e.Cancel = true;
                _stop.Cancel();
            }
        };
        Console.CancelKeyPress += _onCancel;
    }

    /// <summary>Cancelled by the first Ctrl-C (or by the token the scope was made from).</summary>
    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= _onCancel;
        _stop.Dispose();
    }
}
