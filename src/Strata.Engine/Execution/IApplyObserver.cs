namespace Strata.Engine.Execution;

/// <summary>
/// Told when each resource of an apply walk becomes ready (its last dependency's step finished, or it has none),
/// when its step starts and when the step finishes. Between a dependency's Finished and its dependent's Started is
/// what the engine's scheduler adds; the rest of the time from one provider answer to the next call is the journal
/// and evaluation. For benchmarks and diagnostics: calls come from the engine's threads, under the walk's lock for
/// Ready and Finished, so they must be quick and must not throw.
/// </summary>
public interface IApplyObserver
{
    void Ready(string logicalId);

    void Started(string logicalId);

    void Finished(string logicalId, bool succeeded);
}
