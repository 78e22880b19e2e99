using System.Text;
using Strata.Templates.Diagnostics;
using Strata.Templates.Functions;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Transforms;

/// <summary>Copies a node tree, expanding Fn::ForEach loops and substituting loop identifiers.</summary>
internal sealed class ForEachExpander(Func<TemplateNode, Value> evaluateCollection, DiagnosticBag diagnostics)
{
    public static readonly IReadOnlyList<(string Identifier, string Value)> NoBindings = [];

    /// <summary>A copy of <paramref name="node"/> with loops expanded and bound identifiers substituted.</summary>
    public TemplateNode Rewrite(TemplateNode node, IReadOnlyList<(string Identifier, string Value)> bindings)
    {
        // Depth is bounded by the parser's nesting limit (expansion copies, it never nests deeper).
        switch (node)
        {
            case ScalarNode s:
                return s.Type == ScalarType.String && bindings.Count > 0
                    ? new ScalarNode(Substitute(s.Text, bindings), s.Type, s.Location, s.IsPlain)
                    : s.DeepClone();
            case SequenceNode seq:
                var list = new SequenceNode(seq.Location);
                foreach (var item in seq.Items)
                {
                    list.Add(Rewrite(item, bindings));
                }

                return list;
            case MappingNode map:
                return RewriteMapping(map, bindings);
            default:
                return node.DeepClone();
        }
    }

    private TemplateNode RewriteMapping(MappingNode map, IReadOnlyList<(string Identifier, string Value)> bindings)
    {
        if (map.TryGetSingleEntry(out var single) && single.Key == RefFunction.FunctionName
            && single.Value is ScalarNode { Type: ScalarType.String } target && Lookup(bindings, target.Text) is { } bound)
        {
            return new ScalarNode(bound, ScalarType.String, map.Location);
        }

        var result = new MappingNode(map.Location, map.ShortFormTag);
        foreach (var entry in map.Entries)
        {
            if (entry.Key.StartsWith(LanguageExtensionsTransform.ForEachPrefix, StringComparison.Ordinal))
            {
                Expand(entry, bindings, result);
            }
            else
            {
                Add(result, Substitute(entry.Key, bindings), entry, Rewrite(entry.Value, bindings));
            }
        }

        return result;
    }

    private void Expand(MappingEntry loop, IReadOnlyList<(string Identifier, string Value)> bindings, MappingNode into)
    {
        if (loop.Value is not SequenceNode { Count: 3 } args)
        {
            Report($"'{loop.Key}' needs [Identifier, Collection, {{OutputKey: OutputValue}}]; got {FunctionExpression.Describe(loop.Value)}", loop.Value);
            return;
        }

        if (args[0] is not ScalarNode { Type: ScalarType.String } id || id.Text.Length == 0 || !id.Text.All(char.IsAsciiLetterOrDigit))
        {
            Report($"'{loop.Key}' identifier must be an alphanumeric name; got {FunctionExpression.Describe(args[0])}", args[0]);
            return;
        }

        if (args[2] is not MappingNode fragment)
        {
            Report($"'{loop.Key}' third item must be a mapping {{OutputKey: OutputValue}}; got {FunctionExpression.Describe(args[2])}", args[2]);
            return;
        }

        var items = Collection(loop.Key, args[1], bindings);
        if (items is null)
        {
            return;
        }

        foreach (var item in items)
        {
            var inner = new List<(string, string)>(bindings.Count + 1) { (id.Text, item) };
            inner.AddRange(bindings);
            foreach (var entry in fragment.Entries)
            {
                if (entry.Key.StartsWith(LanguageExtensionsTransform.ForEachPrefix, StringComparison.Ordinal))
                {
                    Expand(entry, inner, into);
                    continue;
                }

                var key = Substitute(entry.Key, inner);
                if (items.Count > 1 && string.Equals(key, entry.Key, StringComparison.Ordinal))
                {
                    Report($"'{loop.Key}' output key '{entry.Key}' must include ${{{id.Text}}} or &{{{id.Text}}}, or every item produces the same key", fragment);
                    return;
                }

                Add(into, key, entry, Rewrite(entry.Value, inner));
            }
        }
    }

    private List<string>? Collection(string loop, TemplateNode node, IReadOnlyList<(string Identifier, string Value)> bindings)
    {
        var rewritten = Rewrite(node, bindings);
        var value = rewritten is SequenceNode ? NodeValues.FromNode(rewritten) : evaluateCollection(rewritten);
        if (value is UnknownValue u)
        {
            Report($"'{loop}' collection cannot be decided offline ({u.Source}); supply the parameter value to expand it", node, Severity.Warning);
            return null;
        }

        if (value is not ListValue list)
        {
            Report($"'{loop}' collection must be a list or a Ref to a CommaDelimitedList parameter; got {value}", node);
            return null;
        }

        var result = new List<string>(list.Count);
        foreach (var item in list.Items)
        {
            if (!item.TryGetText(out var text))
            {
                Report($"'{loop}' collection items must be strings; got {item}", node);
                return null;
            }

            result.Add(text);
        }

        return result;
    }

    private void Add(MappingNode into, string key, MappingEntry source, TemplateNode value)
    {
        if (!into.TryAdd(key, source.KeyLocation, value))
        {
            Report($"Fn::ForEach expansion produces the key '{key}', which already exists", source.Value);
        }
    }

    private void Report(string message, TemplateNode at, Severity severity = Severity.Error) =>
        diagnostics.Add(new Diagnostic(FunctionRules.ForEach, severity, message, at.Path, at.Location));

    private static string? Lookup(IReadOnlyList<(string Identifier, string Value)> bindings, string name)
    {
        foreach (var (identifier, value) in bindings)
        {
            if (string.Equals(identifier, name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Replaces <c>${Id}</c> with the item and <c>&amp;{Id}</c> with its alphanumeric characters.</summary>
    internal static string Substitute(string text, IReadOnlyList<(string Identifier, string Value)> bindings)
    {
        if (bindings.Count == 0 || text.IndexOf('{', StringComparison.Ordinal) < 0)
        {
            return text;
        }

        foreach (var (identifier, value) in bindings)
        {
            text = text.Replace("${" + identifier + "}", value, StringComparison.Ordinal);
            if (text.Contains("&{" + identifier + "}", StringComparison.Ordinal))
            {
                text = text.Replace("&{" + identifier + "}", AlphanumericOnly(value), StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static string AlphanumericOnly(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
