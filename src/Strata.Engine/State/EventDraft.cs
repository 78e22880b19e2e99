namespace Strata.Engine.State;

/// <summary>An event before the store gives it a sequence number, id and time.</summary>
public sealed record EventDraft(string LogicalId, string? PhysicalId, string ResourceType, string Status, string? Reason);
