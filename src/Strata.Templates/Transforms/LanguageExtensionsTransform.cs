using Strata.Templates.Diagnostics;
using Strata.Templates.Evaluation;
using Strata.Templates.Functions;
using Strata.Templates.Model;
using Strata.Templates.Syntax;

namespace Strata.Templates.Transforms;

/// <summary>
/// Strata's implementation of the <c>AWS::LanguageExtensions</c> transform's template rewriting:
/// <c>Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]</c> in Conditions, Resources,
/// Outputs and anywhere inside them is replaced by one copy of the fragment per collection item, with
/// <c>${Identifier}</c> (and <c>&amp;{Identifier}</c>, the item without non-alphanumeric characters)
/// substituted in keys and strings and <c>{"Ref": Identifier}</c> replaced by the item. (Fn::Length,
/// Fn::ToJsonString and FindInMap's DefaultValue are functions evaluated like any other.)
/// </summary>
public static class LanguageExtensionsTransform
{
    public const string ForEachPrefix = "Fn::ForEach::";

    private static readonly string[] ExpandedSections =
        [TemplateSectionNames.Conditions, TemplateSectionNames.Resources, TemplateSectionNames.Outputs];

    /// <summary>
    /// Returns a new root with every Fn::ForEach expanded; problems go to <paramref name="diagnostics"/>
    /// (rule E1032). <paramref name="declarations"/> supplies Parameters and Mappings for collections
    /// given as a Ref or FindInMap.
    /// </summary>
    public static MappingNode Apply(MappingNode root, Template declarations, TemplateBuildOptions options, DiagnosticBag diagnostics)
    {
        var expander = new ForEachExpander(CollectionEvaluator(declarations, options), diagnostics);
        var result = new MappingNode(root.Location, root.ShortFormTag);
        foreach (var entry in root.Entries)
        {
            var value = Array.IndexOf(ExpandedSections, entry.Key) >= 0
                ? expander.Rewrite(entry.Value, ForEachExpander.NoBindings)
                : entry.Value.DeepClone();
            result.TryAdd(entry.Key, entry.KeyLocation, value);
        }

        return result;
    }

    /// <summary>Reports every Fn::ForEach in a template that does not declare the transform.</summary>
    public static void ReportUnexpandedLoops(MappingNode root, DiagnosticBag diagnostics)
    {
        foreach (var section in ExpandedSections)
        {
            if (root[section] is not { } node)
            {
                continue;
            }

            var pending = new Stack<TemplateNode>();
            pending.Push(node);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case MappingNode map:
                        foreach (var e in map.Entries)
                        {
                            if (e.Key.StartsWith(ForEachPrefix, StringComparison.Ordinal))
                            {
                                diagnostics.Add(Diagnostic.Error(FunctionRules.ForEach, $"'{e.Key}' needs the AWS::LanguageExtensions transform (add Transform: AWS::LanguageExtensions)", e.Value.Path, e.KeyLocation));
                            }
                            else
                            {
                                pending.Push(e.Value);
                            }
                        }

                        break;
                    case SequenceNode seq:
                        foreach (var item in seq.Items)
                        {
                            pending.Push(item);
                        }

                        break;
                }
            }
        }
    }

    private static Func<TemplateNode, Values.Value> CollectionEvaluator(Template declarations, TemplateBuildOptions options)
    {
        EvaluationContext? context = null;
        return node =>
        {
            context ??= new EvaluationContext(declarations)
            {
                Pseudo = options.Pseudo,
                Parameters = ParameterResolver.Resolve(declarations, options.ParameterValues, ParameterResolutionOptions.Lenient).Values,
                Conditions = ConditionResults.Empty,
            };
            return Expression.Parse(node).Evaluate(context.WithDiagnostics(new DiagnosticBag()));
        };
    }
}
