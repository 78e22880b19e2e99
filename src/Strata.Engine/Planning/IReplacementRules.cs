namespace Strata.Engine.Planning;

/// <summary>Which property changes replace a resource (from the resource specification).</summary>
public interface IReplacementRules
{
    /// <summary>What changing <paramref name="property"/> of <paramref name="type"/> does.</summary>
    ReplacementKind ForProperty(string type, string property);

    /// <summary>Paths below the top level that also replace the resource when changed (e.g. <c>CreationInfo/OwnerUid</c>).</summary>
    IReadOnlyList<IReadOnlyList<string>> AdditionalPaths(string type);
}

/// <summary>Every property updatable in place (custom resources, unknown types, tests).</summary>
public sealed class NoReplacementRules : IReplacementRules
{
    public static readonly NoReplacementRules Instance = new();

    public ReplacementKind ForProperty(string type, string property) => ReplacementKind.Never;

    public IReadOnlyList<IReadOnlyList<string>> AdditionalPaths(string type) => [];
}
