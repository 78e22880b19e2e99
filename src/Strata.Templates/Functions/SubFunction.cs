using System.Text;
using Strata.Templates.Evaluation;
using Strata.Templates.Model;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary>
/// <c>Fn::Sub</c>: a string with <c>${Name}</c> variables, as <c>"text"</c> or <c>["text", {Name: value}]</c>.
/// A variable is looked up in the map first, then as a parameter, resource (its Ref) or pseudo
/// parameter; <c>${Res.Attr}</c> is <c>Fn::GetAtt</c>; <c>${!Literal}</c> is the text <c>${Literal}</c>.
/// </summary>
public sealed class SubFunction : FunctionExpression
{
    public const string FunctionName = "Fn::Sub";
    private readonly KeyValuePair<string, Expression>[] _variables = [];
    private readonly Expression[] _children = [];

    public SubFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        TemplateNode? textNode = null;
        switch (argument)
        {
            case ScalarNode { Type: not ScalarType.Null }:
                textNode = argument;
                break;
            case MappingNode when IsCall(argument):
                // The string itself is computed, e.g. by Fn::Transform; it is parsed once known.
                textNode = argument;
                break;
            case SequenceNode { Count: 2 } seq:
                textNode = seq[0];
                if (seq[1] is MappingNode vars && !IsCall(vars))
                {
                    _variables = new KeyValuePair<string, Expression>[vars.Count];
                    for (var i = 0; i < vars.Count; i++)
                    {
                        _variables[i] = new(vars.Entries[i].Key, Parse(vars.Entries[i].Value));
                    }

                    _children = Array.ConvertAll(_variables, v => v.Value);
                }
                else
                {
                    Problem($"Fn::Sub's second item must be a mapping of variable names to values; got {Describe(seq[1])}", seq[1]);
                }

                break;
            default:
                Problem($"Fn::Sub needs a string or [string, {{variables}}]; got {Describe(argument)}");
                break;
        }

        if (textNode is ScalarNode { Type: not ScalarType.Null } s)
        {
            Text = s.Text;
            Segments = SubTemplate.Parse(s.Text);
        }
        else if (textNode is not null && IsCall(textNode))
        {
            TextExpression = Parse(textNode);
            _children = [TextExpression, .. _children];
        }
        else if (textNode is not null)
        {
            Problem($"Fn::Sub's string must be a literal string; got {Describe(textNode)}", textNode);
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.Sub;

    public override ExpectedKind ResultKind => ExpectedKind.String;

    public string? Text { get; }

    public IReadOnlyList<SubSegment> Segments { get; } = [];

    /// <summary>The string's expression when it is computed (e.g. by Fn::Transform); null for a literal string.</summary>
    public Expression? TextExpression { get; }

    /// <summary>The variables of the <c>[string, {variables}]</c> form.</summary>
    public IReadOnlyList<KeyValuePair<string, Expression>> Variables => _variables;

    public override IReadOnlyList<Expression> Children => _children;

    public override void Accept(ReferenceVisitor visitor)
    {
        foreach (var segment in Segments)
        {
            if (!segment.IsVariable || FindVariable(segment.Text) is not null)
            {
                continue;
            }

            if (segment.Attribute is { } attribute)
            {
                visitor.OnGetAtt(segment.Head, attribute, this);
            }
            else
            {
                visitor.OnRef(segment.Text, this);
            }
        }

        base.Accept(visitor);
    }

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var segments = Segments;
        if (TextExpression is not null)
        {
            var text = TextExpression.Evaluate(context);
            if (text is UnknownValue)
            {
                return UnknownOver(text);
            }

            if (!text.TryGetText(out var computed))
            {
                return context.Fail(this, RuleId, $"Fn::Sub needs a string; got {text}", ResultKind);
            }

            segments = SubTemplate.Parse(computed);
        }

        var sb = new StringBuilder();
        List<Value>? unknowns = null;
        foreach (var segment in segments)
        {
            if (!segment.IsVariable)
            {
                sb.Append(segment.Text);
                continue;
            }

            var value = Resolve(segment, context);
            if (value is UnknownValue || !value.IsFullyKnown)
            {
                (unknowns ??= []).Add(value);
            }
            else if (value.TryGetText(out var text))
            {
                sb.Append(text);
            }
            else
            {
                return context.Fail(this, RuleId, $"Fn::Sub variable '${{{segment.Text}}}' must be a string; got {value}", ResultKind);
            }
        }

        return unknowns is null ? Value.Str(sb.ToString()) : UnknownValue.Combine(ResultKind, Name, unknowns);
    }

    protected override void ValidateCore(ValidationContext context)
    {
        var template = context.Template;
        if (template is null || !context.CheckTargets)
        {
            return;
        }

        foreach (var segment in Segments)
        {
            if (!segment.IsVariable || FindVariable(segment.Text) is not null)
            {
                continue;
            }

            if (segment.Text.Length == 0)
            {
                context.Report(RuleId, "Fn::Sub has an empty variable '${}'", Argument);
            }
            else if (context.Section is TemplateSection.Conditions or TemplateSection.Rules
                     && (segment.Attribute is not null || template.Resources.Contains(segment.Text)))
            {
                context.Report(RuleId, $"Fn::Sub variable '${{{segment.Text}}}' refers to a resource, which is not allowed in {context.Section}", Argument);
            }
            else if (segment.Attribute is not null)
            {
                if (!template.Resources.Contains(segment.Head))
                {
                    context.Report(RuleId, $"Fn::Sub variable '${{{segment.Text}}}' refers to '{segment.Head}', which is not a resource of the template", Argument);
                }
            }
            else if (!PseudoParameters.IsPseudoParameter(segment.Text)
                     && !template.Parameters.Contains(segment.Text)
                     && !template.Resources.Contains(segment.Text))
            {
                context.Report(RuleId, $"Fn::Sub variable '${{{segment.Text}}}' is not a parameter, a resource, a pseudo parameter or a variable of the Fn::Sub", Argument);
            }
        }
    }

    private Value Resolve(SubSegment segment, EvaluationContext context)
    {
        if (FindVariable(segment.Text) is { } expression)
        {
            return expression.Evaluate(context);
        }

        return segment.Attribute is { } attribute
            ? context.ResolveGetAtt(segment.Head, attribute, this)
            : context.ResolveRef(segment.Text, this);
    }

    private Expression? FindVariable(string name)
    {
        foreach (var v in _variables)
        {
            if (string.Equals(v.Key, name, StringComparison.Ordinal))
            {
                return v.Value;
            }
        }

        return null;
    }
}
