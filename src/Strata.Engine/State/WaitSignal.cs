namespace Strata.Engine.State;

/// <summary>One signal as cfn-signal sends it: <c>{Status, Reason, UniqueId, Data}</c>.</summary>
public sealed record WaitSignal(string UniqueId, string Status, string? Reason, string? Data, DateTimeOffset ReceivedAt)
{
    public bool IsSuccess => string.Equals(Status, "SUCCESS", StringComparison.OrdinalIgnoreCase);
}
