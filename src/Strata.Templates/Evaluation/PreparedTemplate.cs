using Strata.Templates.Diagnostics;
using Strata.Templates.Functions;
using Strata.Templates.Graph;
using Strata.Templates.Model;
using Strata.Templates.Values;

namespace Strata.Templates.Evaluation;

/// <summary>
/// A template ready to deploy with one set of inputs (see <see cref="TemplateEvaluator.Prepare(Template, EvaluationInputs, CancellationToken)"/>).
/// Immutable and safe to share; each Resolve call evaluates afresh against the state it is given.
/// </summary>
public sealed class PreparedTemplate
{
    private readonly EvaluationContext _context;
    private readonly Dictionary<string, PreparedResource> _byId;

    internal PreparedTemplate(
        Template template,
        ParameterResolution parameters,
        ConditionResults conditions,
        DependencyGraph graph,
        IReadOnlyList<PreparedResource> resources,
        IReadOnlyList<OutputDecl> outputs,
        EvaluationContext context,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        Template = template;
        Parameters = parameters;
        Conditions = conditions;
        Graph = graph;
        Resources = resources;
        Outputs = outputs;
        _context = context;
        Diagnostics = diagnostics;
        HasErrors = diagnostics.Any(d => d.Severity == Severity.Error);
        _byId = resources.ToDictionary(r => r.LogicalId, StringComparer.Ordinal);
    }

    public Template Template { get; }

    public ParameterResolution Parameters { get; }

    public ConditionResults Conditions { get; }

    public DependencyGraph Graph { get; }

    /// <summary>The resources that are part of the stack (condition true or undecided), in declaration order.</summary>
    public IReadOnlyList<PreparedResource> Resources { get; }

    /// <summary>The outputs that are part of the stack.</summary>
    public IReadOnlyList<OutputDecl> Outputs { get; }

    public PseudoParameters Pseudo => _context.Pseudo;

    /// <summary>Model, parameter, condition and graph findings (evaluation findings come with each Resolve).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors { get; }

    public bool TryGetResource(string logicalId, out PreparedResource resource) => _byId.TryGetValue(logicalId, out resource!);

    /// <summary>
    /// Evaluates a resource's Properties with <paramref name="state"/> answering Ref/GetAtt/ImportValue for
    /// what exists. Resources not yet created yield unknowns listed in <see cref="ResolvedValue.Unknowns"/>;
    /// a resource without Properties gives an empty map.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The resource is not part of the stack.</exception>
    public ResolvedValue ResolveProperties(string logicalId, IResourceStateResolver? state = null)
    {
        var resource = Resource(logicalId);
        return Resolve(resource.Declaration.PropertiesExpression, MapValue.Empty, state);
    }

    /// <summary>Evaluates a resource's Metadata (e.g. <c>AWS::CloudFormation::Init</c>, <c>Strata::Sandbox</c>).</summary>
    public ResolvedValue ResolveMetadata(string logicalId, IResourceStateResolver? state = null) =>
        Resolve(Resource(logicalId).Declaration.MetadataExpression, MapValue.Empty, state);

    /// <summary>Evaluates a resource's CreationPolicy (null when not declared).</summary>
    public ResolvedValue? ResolveCreationPolicy(string logicalId, IResourceStateResolver? state = null) =>
        Resource(logicalId).Declaration.CreationPolicyExpression is { } e ? Resolve(e, Value.Null, state) : null;

    /// <summary>Evaluates a resource's UpdatePolicy (null when not declared).</summary>
    public ResolvedValue? ResolveUpdatePolicy(string logicalId, IResourceStateResolver? state = null) =>
        Resource(logicalId).Declaration.UpdatePolicyExpression is { } e ? Resolve(e, Value.Null, state) : null;

    /// <summary>Evaluates every output that is part of the stack.</summary>
    public IReadOnlyList<ResolvedOutput> ResolveOutputs(IResourceStateResolver? state = null)
    {
        var result = new List<ResolvedOutput>(Outputs.Count);
        foreach (var output in Outputs)
        {
            result.Add(new ResolvedOutput(
                output.Name,
                Resolve(output.Value, Value.Null, state),
                output.ExportName is null ? null : Resolve(output.ExportName, Value.Null, state),
                output.Description));
        }

        return result;
    }

    /// <summary>Evaluates any expression of this template against <paramref name="state"/>.</summary>
    public ResolvedValue Evaluate(Expression expression, IResourceStateResolver? state = null) => Resolve(expression, Value.Null, state);

    private PreparedResource Resource(string logicalId) =>
        _byId.TryGetValue(logicalId, out var resource)
            ? resource
            : throw new KeyNotFoundException($"Resource '{logicalId}' is not part of the stack (not declared, or its condition is false)");

    private ResolvedValue Resolve(Expression? expression, Value whenAbsent, IResourceStateResolver? state)
    {
        if (expression is null)
        {
            return new ResolvedValue(whenAbsent, []);
        }

        var diagnostics = new DiagnosticBag();
        var value = expression.Evaluate(_context.WithResources(state ?? ResourceState.None, diagnostics));
        return new ResolvedValue(value, diagnostics.Items);
    }
}
