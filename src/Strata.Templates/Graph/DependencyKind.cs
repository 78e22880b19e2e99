using Strata.Templates.Syntax;

namespace Strata.Templates.Graph;

/// <summary>How one resource comes to depend on another.</summary>
public enum DependencyKind
{
    Ref,
    GetAtt,
    Sub,
    DependsOn,
}

/// <summary>A dependency of <see cref="From"/> on <see cref="To"/>, with the first node where it is written.</summary>
public sealed record DependencyEdge(string From, string To, DependencyKind Kind, TemplateNode Node)
{
    /// <summary>The template path of <see cref="Node"/> (computed on demand: most edges are never reported).</summary>
    public string Path => Node.Path;

    public SourceLocation Location => Node.Location;
}

/// <summary>A dependency cycle: each resource depends on the next; the last is the first again.</summary>
public sealed record DependencyCycle(IReadOnlyList<string> Path)
{
    /// <summary><c>A -> B -> C -> A</c>.</summary>
    public override string ToString() => string.Join(" -> ", Path);
}

/// <summary>Rule ids of the dependency graph's findings (cfn-lint's).</summary>
public static class GraphRules
{
    /// <summary>Resources depend on each other in a cycle.</summary>
    public const string CircularDependency = "E3004";

    /// <summary>DependsOn names a resource that is not in the template (or that its condition leaves out).</summary>
    public const string DependsOnTarget = "E3005";
}
