namespace Strata.Engine.Planning;

/// <summary>What applying a template does to one resource.</summary>
public enum ChangeAction
{
    /// <summary>Nothing: the resource is as the template wants it.</summary>
    None,
    Add,
    /// <summary>Updated in place (the physical resource stays).</summary>
    Modify,
    /// <summary>A new physical resource is created, then the old one deleted (create before delete).</summary>
    Replace,
    Remove,
}

/// <summary>Whether a change replaces the resource, as CloudFormation's change sets say it: True / Conditional / False.</summary>
public enum ReplacementKind
{
    Never,
    Conditional,
    Always,
}

/// <summary>What a change touches: the cloud resource, or only what Strata records (Metadata, policies).</summary>
public enum ChangeScope
{
    Properties,
    Metadata,
}
