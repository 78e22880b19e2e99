using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Engine.Model;
using Strata.Providers.Aws.CloudFormation;

namespace Strata.Cli.Commands.CloudFormation;

/// <summary>Piped output: one line per event as it arrives, warnings (hangs, time-outs) on stderr at once.</summary>
public sealed class PlainLinesObserver(CliContext context, string stackName) : IDeploymentObserver
{
    private readonly Lock _gate = new();
    private readonly List<string> _warned = [];

    /// <summary>Warnings already printed, so the summary does not repeat them.</summary>
    public IReadOnlyList<string> Warned
    {
        get
        {
            lock (_gate)
            {
                return _warned.ToList();
            }
        }
    }

    public void OnEvent(StackEvent stackEvent)
    {
        lock (_gate)
        {
            context.Out.WriteLine(EventText.Line(stackEvent, showStack: stackEvent.StackName != stackName));
            context.Out.Flush();
        }
    }

    public void OnWarning(string message)
    {
        lock (_gate)
        {
            _warned.Add(message);
            context.Error.WriteLine("strata: warning: " + message);
            context.Error.Flush();
        }
    }
}

/// <summary>
/// A terminal: events update the live tree. Warnings wait until the tree is drawn for the last time, since a line
/// written under a live view would be overdrawn.
/// </summary>
public sealed class BoardObserver(ProgressBoard board) : IDeploymentObserver
{
    public void OnEvent(StackEvent stackEvent) => board.Apply(stackEvent);
}

/// <summary><c>--format json</c> of <c>events --follow</c>: events are kept for the one document printed at the end.</summary>
public sealed class CollectingObserver : IDeploymentObserver
{
    private readonly Lock _gate = new();
    private readonly List<StackEvent> _events = [];

    public IReadOnlyList<StackEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToList();
            }
        }
    }

    public void OnEvent(StackEvent stackEvent)
    {
        lock (_gate)
        {
            _events.Add(stackEvent);
        }
    }
}
