using Strata.Engine.Model;
using Strata.Engine.Providers;
using Strata.Engine.State;

namespace Strata.Engine.Execution;

/// <summary>Event drafts and reasons worded as CloudFormation words them, so people and tools recognise them.</summary>
internal static class Events
{
    public const string StackType = "AWS::CloudFormation::Stack";
    public const string UserInitiated = "User Initiated";
    public const string ReplacementStarted = "Requested update requires the creation of a new physical resource; hence creating one.";

    public static EventDraft Stack(StackRecord stack, StackStatus status, string? reason = null) =>
        new(stack.Name, stack.StackId, StackType, status.ToCfn(), reason);

    public static EventDraft Resource(ResourceRecord record, ResourceStatus status, string? reason = null) =>
        new(record.LogicalId, record.PhysicalId, record.Type, status.ToCfn(), reason);

    public static string HandlerFailure(HandlerErrorCode? code, string? message) =>
        $"Resource handler returned message: \"{message ?? "no message"}\" (HandlerErrorCode: {code ?? HandlerErrorCode.GeneralServiceException})";

    public static string FailedTo(string verb, IReadOnlyList<string> logicalIds) =>
        $"The following resource(s) failed to {verb}: [{string.Join(", ", logicalIds)}].";
}
