namespace Strata.Engine.Model;

/// <summary>
/// The first resource that failed in an operation, with its provider's error code and message. The stack
/// keeps it after rollback and after deletion, so "why did this fail" always has an answer.
/// </summary>
public sealed record RootCause(string LogicalId, string Type, string ErrorCode, string Message);
