using Strata.Templates.Evaluation;
using Strata.Templates.Model;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary>
/// <c>Fn::GetAtt</c>: an attribute of a resource, as <c>[Resource, Attribute]</c> (the attribute may be
/// computed, e.g. a <c>Ref</c> to a parameter) or as the dotted string <c>Resource.Attribute</c>, split
/// at the first dot (<c>Stack.Outputs.Url</c> is attribute <c>Outputs.Url</c> of <c>Stack</c>).
/// </summary>
public sealed class GetAttFunction : FunctionExpression
{
    public const string FunctionName = "Fn::GetAtt";
    private readonly Expression[] _children = [];

    public GetAttFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        switch (argument)
        {
            case ScalarNode { Type: ScalarType.String } s:
                var dot = s.Text.IndexOf('.', StringComparison.Ordinal);
                if (dot > 0 && dot < s.Text.Length - 1)
                {
                    ResourceName = s.Text[..dot];
                    AttributeName = s.Text[(dot + 1)..];
                }
                else
                {
                    Problem($"Fn::GetAtt needs 'Resource.Attribute' or [Resource, Attribute]; got '{s.Text}'");
                }

                break;
            case SequenceNode { Count: 2 } seq:
                if (seq[0] is ScalarNode { Type: ScalarType.String } r && r.Text.Length > 0)
                {
                    ResourceName = r.Text;
                }
                else if (IsCall(seq[0]))
                {
                    // AWS::LanguageExtensions allows a computed logical id (e.g. !Sub "Bucket${Name}" inside Fn::ForEach);
                    // a Sub without variables is still a literal name, so the graph can see it.
                    ResourceExpression = Parse(seq[0]);
                    if (ResourceExpression is SubFunction { Segments: [{ IsVariable: false } only] })
                    {
                        ResourceName = only.Text;
                    }
                }
                else
                {
                    Problem($"Fn::GetAtt's first item must be a resource's logical id; got {Describe(seq[0])}", seq[0]);
                }

                if (LiteralString(seq[1]) is { Length: > 0 } attribute)
                {
                    AttributeName = attribute;
                }
                else if (IsCall(seq[1]))
                {
                    AttributeExpression = Parse(seq[1]);
                }
                else
                {
                    Problem($"Fn::GetAtt's second item must be an attribute name; got {Describe(seq[1])}", seq[1]);
                }

                _children = new[] { ResourceName is null ? ResourceExpression : null, AttributeExpression }.OfType<Expression>().ToArray();
                break;
            default:
                Problem($"Fn::GetAtt needs 'Resource.Attribute' or [Resource, Attribute]; got {Describe(argument)}");
                break;
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.GetAtt;

    public override ExpectedKind ResultKind => ExpectedKind.Any;

    /// <summary>The logical id when literal (or a Sub without variables); null when computed (see <see cref="ResourceExpression"/>).</summary>
    public string? ResourceName { get; }

    /// <summary>The logical id's expression when written as a function (AWS::LanguageExtensions).</summary>
    public Expression? ResourceExpression { get; }

    /// <summary>The attribute name when literal; null when computed (see <see cref="AttributeExpression"/>).</summary>
    public string? AttributeName { get; }

    public Expression? AttributeExpression { get; }

    public override IReadOnlyList<Expression> Children => _children;

    public override void Accept(ReferenceVisitor visitor)
    {
        if (ResourceName is not null)
        {
            visitor.OnGetAtt(ResourceName, AttributeName, this);
        }

        base.Accept(visitor);
    }

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var resource = ResourceName;
        if (resource is null)
        {
            var computed = ResourceExpression!.Evaluate(context);
            if (computed is UnknownValue u)
            {
                return UnknownOver(u);
            }

            if (!computed.TryGetText(out var name) || name.Length == 0)
            {
                return context.Fail(this, RuleId, $"Fn::GetAtt's logical id must be a string; got {computed}", ExpectedKind.Any);
            }

            resource = name;
        }

        var attribute = AttributeName;
        if (attribute is null)
        {
            var computed = AttributeExpression!.Evaluate(context);
            if (computed is UnknownValue u)
            {
                // Still depends on the resource, whatever the attribute turns out to be.
                return UnknownValue.Combine(ExpectedKind.Any, Name, [u, UnknownValue.FromResource(resource, "?", ExpectedKind.Any)]);
            }

            if (!computed.TryGetText(out var text) || text.Length == 0)
            {
                return context.Fail(this, RuleId, $"Fn::GetAtt's attribute name must be a string; got {computed}", ExpectedKind.Any);
            }

            attribute = text;
        }

        return context.ResolveGetAtt(resource, attribute, this);
    }

    protected override void ValidateCore(ValidationContext context)
    {
        if (context.Section is TemplateSection.Conditions or TemplateSection.Rules)
        {
            context.Report(RuleId, $"Fn::GetAtt is not allowed in {context.Section}", Argument);
            return;
        }

        var template = context.Template;
        if (template is not null && context.CheckTargets && ResourceName is not null && !template.Resources.Contains(ResourceName))
        {
            context.Report(RuleId, $"Fn::GetAtt refers to '{ResourceName}', which is not a resource of the template", Argument);
        }
    }
}
