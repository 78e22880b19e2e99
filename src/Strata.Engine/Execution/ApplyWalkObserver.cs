using Strata.Engine.Walk;

namespace Strata.Engine.Execution;

/// <summary>Hands a walk's node events to an <see cref="IApplyObserver"/> under the resources' logical ids.</summary>
internal sealed class ApplyWalkObserver(IReadOnlyList<string> logicalIds, IApplyObserver observer) : IWalkObserver
{
    public void NodeReady(int index) => observer.Ready(logicalIds[index]);

    public void NodeStarted(int index) => observer.Started(logicalIds[index]);

    public void NodeFinished(int index, NodeOutcome outcome)
    {
        // Skipped and never-started resources have no step to report.
        if (outcome is NodeOutcome.Succeeded or NodeOutcome.Failed)
        {
            observer.Finished(logicalIds[index], outcome == NodeOutcome.Succeeded);
        }
    }
}
