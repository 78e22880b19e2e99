using System.Collections.Concurrent;
using Strata.Engine.Model;
using Strata.Providers.Aws.CloudFormation;

namespace Strata.Providers.Aws.Tests.CloudFormation;

/// <summary>Keeps what a deployment showed: its plan, its events in order, its warnings.</summary>
public sealed class RecordingObserver(Action<StackEvent>? onEvent = null) : IDeploymentObserver
{
    public ConcurrentQueue<ChangeSetPlan> Plans { get; } = new();
    public ConcurrentQueue<StackEvent> Events { get; } = new();
    public ConcurrentQueue<string> Warnings { get; } = new();

    public void OnPlan(ChangeSetPlan plan) => Plans.Enqueue(plan);

    public void OnEvent(StackEvent stackEvent)
    {
        Events.Enqueue(stackEvent);
        onEvent?.Invoke(stackEvent);
    }

    public void OnWarning(string message) => Warnings.Enqueue(message);
}
