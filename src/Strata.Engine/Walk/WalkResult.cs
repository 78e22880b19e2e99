namespace Strata.Engine.Walk;

/// <summary>The outcome of every node of a walk, and the exceptions that visits threw.</summary>
public sealed class WalkResult<TKey> where TKey : notnull
{
    internal WalkResult(IReadOnlyDictionary<TKey, NodeOutcome> outcomes, IReadOnlyDictionary<TKey, Exception> errors)
    {
        Outcomes = outcomes;
        Errors = errors;
    }

    public IReadOnlyDictionary<TKey, NodeOutcome> Outcomes { get; }

    public IReadOnlyDictionary<TKey, Exception> Errors { get; }

    public bool AllSucceeded => Outcomes.Values.All(o => o == NodeOutcome.Succeeded);

    public IEnumerable<TKey> With(NodeOutcome outcome) => Outcomes.Where(p => p.Value == outcome).Select(p => p.Key);
}
