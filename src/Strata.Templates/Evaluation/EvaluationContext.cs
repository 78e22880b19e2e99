using Strata.Templates.Diagnostics;
using Strata.Templates.Functions;
using Strata.Templates.Model;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Evaluation;

/// <summary>
/// Everything an expression needs to evaluate: the template (mappings, resource types), the resolved
/// parameter values, the pseudo parameters, the decided conditions, the state of existing resources,
/// and where to report evaluation errors. Immutable apart from <see cref="Diagnostics"/>; use
/// <see cref="WithDiagnostics"/> for a fresh bag per evaluation.
/// </summary>
public sealed class EvaluationContext
{
    private static readonly IReadOnlyDictionary<string, Value> NoParameters = new Dictionary<string, Value>();

    public EvaluationContext(Template template) => Template = template;

    public Template Template { get; }

    public PseudoParameters Pseudo { get; init; } = PseudoParameters.Default;

    /// <summary>Resolved parameter values by name. A declared parameter missing here evaluates to an unknown.</summary>
    public IReadOnlyDictionary<string, Value> Parameters { get; init; } = NoParameters;

    /// <summary>Decided conditions; null while the conditions themselves are being evaluated (all then unknown).</summary>
    public ConditionResults? Conditions { get; init; }

    public IResourceStateResolver Resources { get; init; } = ResourceState.None;

    public IAttributeTypes AttributeTypes { get; init; } = SpecAttributeTypes.Instance;

    public DiagnosticBag Diagnostics { get; init; } = new();

    /// <summary>A copy of this context reporting into a new bag.</summary>
    public EvaluationContext WithDiagnostics(DiagnosticBag diagnostics) => new(Template)
    {
        Pseudo = Pseudo,
        Parameters = Parameters,
        Conditions = Conditions,
        Resources = Resources,
        AttributeTypes = AttributeTypes,
        Diagnostics = diagnostics,
    };

    /// <summary>A copy of this context answering resource references with <paramref name="resources"/>.</summary>
    public EvaluationContext WithResources(IResourceStateResolver resources, DiagnosticBag diagnostics) => new(Template)
    {
        Pseudo = Pseudo,
        Parameters = Parameters,
        Conditions = Conditions,
        Resources = resources,
        AttributeTypes = AttributeTypes,
        Diagnostics = diagnostics,
    };

    /// <summary>Reports an evaluation error at <paramref name="at"/> and returns the error-unknown standing for the result.</summary>
    public UnknownValue Fail(Expression at, string rule, string message, ExpectedKind kind, TemplateNode? node = null)
    {
        var where = node ?? (at is FunctionExpression f ? f.Argument : at.Node);
        Diagnostics.Add(Diagnostic.Error(rule, message, where.Path, where.Location));
        return new UnknownValue(kind, message, UnknownReason.Error);
    }

    /// <summary>What <c>Ref name</c> evaluates to: a pseudo parameter, a parameter value, or a resource's reference.</summary>
    public Value ResolveRef(string name, Expression at)
    {
        if (Pseudo.TryGetValue(name, out var pseudo))
        {
            return pseudo;
        }

        if (Template.Parameters.TryGet(name, out var parameter))
        {
            return Parameters.TryGetValue(name, out var value)
                ? value
                : new UnknownValue(parameter.TypeInfo.ExpectedKind, "parameter " + name, UnknownReason.ParameterNotResolved);
        }

        if (Template.Resources.TryGet(name, out var resource))
        {
            if (IsExcluded(resource))
            {
                return Fail(at, FunctionRules.ExcludedResource, $"Ref to resource '{name}', which condition '{resource.Condition}' leaves out of the stack", ExpectedKind.String);
            }

            return Resources.TryGetReference(name, out var reference)
                ? reference
                : UnknownValue.FromResource(name, null, ExpectedKind.String);
        }

        return Fail(at, FunctionRules.Ref, $"Ref to '{name}', which is not a parameter, a resource or a pseudo parameter", ExpectedKind.Any);
    }

    /// <summary>What <c>Fn::GetAtt [logicalId, attribute]</c> evaluates to.</summary>
    public Value ResolveGetAtt(string logicalId, string attribute, Expression at)
    {
        if (!Template.Resources.TryGet(logicalId, out var resource))
        {
            return Fail(at, FunctionRules.GetAtt, $"Fn::GetAtt refers to '{logicalId}', which is not a resource of the template", ExpectedKind.Any);
        }

        if (IsExcluded(resource))
        {
            return Fail(at, FunctionRules.ExcludedResource, $"Fn::GetAtt of resource '{logicalId}', which condition '{resource.Condition}' leaves out of the stack", ExpectedKind.Any);
        }

        return Resources.TryGetAttribute(logicalId, attribute, out var value)
            ? value
            : UnknownValue.FromResource(logicalId, attribute, AttributeTypes.KindOf(resource.Type, attribute));
    }

    /// <summary>The value of a named condition: a boolean, or an unknown when undecided.</summary>
    public Value ConditionValue(string name, Expression at)
    {
        if (!Template.Conditions.Contains(name))
        {
            return Fail(at, FunctionRules.ConditionNotFound, $"Condition '{name}' is not declared in the Conditions section", ExpectedKind.Boolean);
        }

        if (Conditions is not null && Conditions.TryGetValue(name, out var value))
        {
            return value;
        }

        return new UnknownValue(ExpectedKind.Boolean, "condition " + name, UnknownReason.ConditionUndecided);
    }

    /// <summary>True when the resource's condition is decided false (the resource is not part of the stack).</summary>
    public bool IsExcluded(ResourceDecl resource) =>
        resource.Condition is not null && Conditions is not null && Conditions[resource.Condition] == false;
}
