namespace Strata.Engine.State;

/// <summary>Who holds the right to change a stack: one process at a time, proven alive by its heartbeat.</summary>
public sealed record StackLease(string StackName, string OwnerId, int ProcessId, string Host, string Operation, DateTimeOffset AcquiredAt, DateTimeOffset HeartbeatAt);
