using Strata.Templates.Spec;
using Strata.Templates.Syntax;

namespace Strata.Templates.Validation;

/// <summary>
/// The sections and declarations of a template, looked up once per validation so that rules do not each
/// re-scan the tree. Tolerates any shape: a section that is not a mapping simply contributes nothing.
/// </summary>
internal sealed class TemplateIndex
{
    private readonly Lazy<ReferenceIndex> _references;

    public TemplateIndex(MappingNode root, ResourceSpecification spec)
    {
        Root = root;
        Parameters = root["Parameters"] as MappingNode;
        Resources = root["Resources"] as MappingNode;
        Conditions = root["Conditions"] as MappingNode;
        Outputs = root["Outputs"] as MappingNode;
        Mappings = root["Mappings"] as MappingNode;
        Transform = TransformInfo.From(root["Transform"]);

        var parameters = new Dictionary<string, ParameterInfo>(StringComparer.Ordinal);
        foreach (var entry in Parameters?.Entries ?? [])
        {
            parameters[entry.Key] = new ParameterInfo(entry);
        }

        ParameterDecls = parameters;

        var resources = new List<ResourceInfo>();
        var byName = new Dictionary<string, ResourceInfo>(StringComparer.Ordinal);
        foreach (var entry in Resources?.Entries ?? [])
        {
            if (entry.Key.StartsWith(Intrinsics.ForEachPrefix, StringComparison.Ordinal))
            {
                HasForEach = true;
                continue;
            }

            var info = new ResourceInfo(entry, spec);
            resources.Add(info);
            byName[entry.Key] = info;
        }

        ResourceList = resources;
        ResourceDecls = byName;
        Modules = resources.Where(r => r.IsModule).Select(r => r.Name).ToArray();
        ConditionNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Conditions?.Entries ?? [])
        {
            if (entry.Key.StartsWith(Intrinsics.ForEachPrefix, StringComparison.Ordinal))
            {
                HasForEach = true;
                continue;
            }

            ConditionNames.Add(entry.Key);
        }

        HasForEach |= Outputs?.Entries.Any(e => e.Key.StartsWith(Intrinsics.ForEachPrefix, StringComparison.Ordinal)) == true;
        _references = new Lazy<ReferenceIndex>(() => ReferenceIndex.Build(this));
    }

    public MappingNode Root { get; }

    public MappingNode? Parameters { get; }

    public MappingNode? Resources { get; }

    public MappingNode? Conditions { get; }

    public MappingNode? Outputs { get; }

    public MappingNode? Mappings { get; }

    public TransformInfo Transform { get; }

    public IReadOnlyDictionary<string, ParameterInfo> ParameterDecls { get; }

    /// <summary>Resources in template order (excluding <c>Fn::ForEach</c> fragments).</summary>
    public IReadOnlyList<ResourceInfo> ResourceList { get; }

    public IReadOnlyDictionary<string, ResourceInfo> ResourceDecls { get; }

    /// <summary>Logical ids of module resources (usually none).</summary>
    public IReadOnlyList<string> Modules { get; }

    public HashSet<string> ConditionNames { get; }

    /// <summary>
    /// The template has <c>Fn::ForEach</c> fragments that were not expanded: names they would generate are
    /// unknown, so a reference that matches nothing may still be fine.
    /// </summary>
    public bool HasForEach { get; }

    /// <summary>Every Ref, GetAtt, Sub variable and condition use, collected in one walk on first need.</summary>
    public ReferenceIndex References => _references.Value;

    public bool IsParameter(string name) => ParameterDecls.ContainsKey(name);

    public bool IsResource(string name) => ResourceDecls.ContainsKey(name);

    /// <summary>
    /// A name a module resource generates: modules expand into resources whose logical ids start with the
    /// module's own (module <c>Network</c> with a resource <c>VPC</c> yields <c>NetworkVPC</c>).
    /// </summary>
    public bool IsModuleGenerated(string name)
    {
        foreach (var module in Modules)
        {
            if (name.Length > module.Length && name.StartsWith(module, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
