namespace Strata.Templates.Validation.Rules;

/// <summary>
/// E1020: a Ref names a parameter, resource or pseudo parameter (in Conditions and Rules, a parameter or pseudo
/// parameter only). E1019: the same for Fn::Sub variables.
/// </summary>
internal sealed class ReferenceTargetsRule : ITemplateRule
{
    public string Name => "Ref and Fn::Sub targets (E1020/E1019)";

    public void Check(RuleContext context)
    {
        var index = context.Index;
        var references = index.References;
        foreach (var use in references.Refs)
        {
            if (Problem(context, use.Target, use.Scope) is { } problem)
            {
                context.Error(ValidationRules.Ref, $"Ref to '{use.Target}': {problem}", use.Node);
            }
        }

        foreach (var use in references.SubVariables)
        {
            if (Problem(context, use.Name, use.Scope) is { } problem)
            {
                context.Error(ValidationRules.Sub, $"Fn::Sub variable '${{{use.Name}}}': {problem}", use.Node);
            }
        }
    }

    /// <summary>Why a name cannot be referred to from where it is used, or null when it can.</summary>
    internal static string? Problem(RuleContext context, string name, ReferenceScope scope)
    {
        if (!ReferenceScopes.IsChecked(context, scope) || Intrinsics.PseudoParameters.Contains(name))
        {
            return null;
        }

        var index = context.Index;
        if (index.IsParameter(name))
        {
            return null;
        }

        var parametersOnly = scope.Section is ReferenceSection.Conditions or ReferenceSection.Rules;
        if (index.IsResource(name))
        {
            return parametersOnly
                ? $"{scope.Section} can refer only to parameters and pseudo parameters, and '{name}' is a resource"
                : null;
        }

        if ((index.HasForEach || index.IsModuleGenerated(name)) && !parametersOnly)
        {
            return null; // may be a resource that Fn::ForEach or a module generates
        }

        var what = parametersOnly ? "parameter or pseudo parameter" : "parameter, resource or pseudo parameter";
        return $"there is no {what} of that name{ReferenceScopes.Suggestion(index, name, parametersOnly)}";
    }
}

/// <summary>Which references can be judged before the template is transformed, and near-miss suggestions.</summary>
internal static class ReferenceScopes
{
    public static bool IsChecked(RuleContext context, ReferenceScope scope)
    {
        if (scope.InForEach || scope.Section == ReferenceSection.Other || context.Transform.HasMacros)
        {
            return false;
        }

        // SAM generates resources (MyFunctionRole, ServerlessRestApi, ...) that Resources and Outputs may name;
        // conditions and rules can only name parameters, which SAM does not add.
        return !context.Transform.HasServerless || scope.Section is ReferenceSection.Conditions or ReferenceSection.Rules;
    }

    public static string Suggestion(TemplateIndex index, string name, bool parametersOnly)
    {
        var candidates = index.ParameterDecls.Keys
            .Concat(parametersOnly ? [] : index.ResourceDecls.Keys)
            .Concat(Intrinsics.PseudoParameters);
        return Suggestions.DidYouMean(name, candidates);
    }
}
