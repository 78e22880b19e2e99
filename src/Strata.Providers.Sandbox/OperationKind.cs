namespace Strata.Providers.Sandbox;

/// <summary>The mutating handler operations, which take time and can be made to fail.</summary>
public enum OperationKind
{
    Create,
    Update,
    Delete,
}
