using Strata.Engine.Model;
using CfnEvent = Strata.Providers.Aws.Services.CloudFormation.StackEvent;
using CfnOutput = Strata.Providers.Aws.Services.CloudFormation.StackOutput;

namespace Strata.Providers.Aws.CloudFormation;

/// <summary>CloudFormation's records in the engine's vocabulary, so every provider's events and outputs look the same.</summary>
internal static class EventMapping
{
    /// <param name="sequence">The event's position in the stack's log, oldest first, from 1.</param>
    public static StackEvent ToStrata(CfnEvent e, long sequence) => new(
        sequence,
        e.EventId,
        e.StackId,
        e.StackName,
        e.Timestamp ?? DateTimeOffset.MinValue,
        e.LogicalResourceId ?? e.StackName,
        string.IsNullOrEmpty(e.PhysicalResourceId) ? null : e.PhysicalResourceId,
        e.ResourceType ?? RootCauseFinder.StackType,
        e.ResourceStatus ?? "",
        string.IsNullOrEmpty(e.ResourceStatusReason) ? null : e.ResourceStatusReason);

    public static IReadOnlyList<StackEvent> ToStrata(IReadOnlyList<CfnEvent> oldestFirst, long firstSequence) =>
        oldestFirst.Select((e, i) => ToStrata(e, firstSequence + i)).ToList();

    public static IReadOnlyList<StackOutput> ToStrata(IReadOnlyList<CfnOutput> outputs) =>
        outputs.Select(o => new StackOutput(o.OutputKey, o.OutputValue ?? "", o.Description, o.ExportName)).ToList();
}
