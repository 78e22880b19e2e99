namespace Strata.Engine.State;

/// <summary>
/// What a store's writes have cost so far: transactions committed, writes in them, and the time the
/// connection spent running and committing them. All writes of a store go through one connection, so
/// <see cref="Busy"/> against the wall time of a run says how close the store came to being the bottleneck.
/// </summary>
public sealed record StoreWriteStatistics(long Transactions, long Writes, TimeSpan Busy);
