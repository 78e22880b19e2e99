using Strata.Templates.Evaluation;
using Strata.Templates.Model;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary>
/// <c>Ref</c>: a parameter's value, a resource's reference (usually its physical id), or a pseudo
/// parameter (<c>AWS::Region</c>, <c>AWS::NoValue</c>...). The target must be a literal name.
/// </summary>
public sealed class RefFunction : FunctionExpression
{
    public const string FunctionName = "Ref";

    public RefFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        if (argument is ScalarNode { Type: ScalarType.String } s && s.Text.Length > 0)
        {
            Target = s.Text;
        }
        else if (IsCall(argument))
        {
            // AWS::LanguageExtensions allows a computed name, e.g. !Ref !Sub "Param${Id}" inside Fn::ForEach;
            // a Sub without variables (what expansion leaves) is still a literal name.
            TargetExpression = Parse(argument);
            if (TargetExpression is SubFunction { Segments: [{ IsVariable: false } only] })
            {
                Target = only.Text;
            }
        }
        else
        {
            Problem($"Ref needs the name of a parameter, resource or pseudo parameter; got {Describe(argument)}");
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.Ref;

    public override ExpectedKind ResultKind => ExpectedKind.Any;

    /// <summary>The referenced name; null when malformed or computed (see <see cref="TargetExpression"/>).</summary>
    public string? Target { get; }

    /// <summary>The name's expression when written as a function (AWS::LanguageExtensions).</summary>
    public Expression? TargetExpression { get; }

    public bool IsPseudoParameter => Target is not null && PseudoParameters.IsPseudoParameter(Target);

    public override IReadOnlyList<Expression> Children => Target is null && TargetExpression is not null ? [TargetExpression] : [];

    public override void Accept(ReferenceVisitor visitor)
    {
        if (Target is not null)
        {
            visitor.OnRef(Target, this);
        }

        base.Accept(visitor);
    }

    protected override Value EvaluateCore(EvaluationContext context)
    {
        if (Target is not null)
        {
            return context.ResolveRef(Target, this);
        }

        var name = TargetExpression!.Evaluate(context);
        if (name is UnknownValue u)
        {
            return UnknownOver(u);
        }

        return name.TryGetText(out var text) && text.Length > 0
            ? context.ResolveRef(text, this)
            : context.Fail(this, RuleId, $"Ref needs a name; got {name}", ResultKind);
    }

    protected override void ValidateCore(ValidationContext context)
    {
        var template = context.Template;
        if (template is not null && TargetExpression is not null && !context.LanguageExtensions)
        {
            context.Report(RuleId, $"Ref needs a literal name; a computed name ({Describe(Argument)}) needs the AWS::LanguageExtensions transform", Argument);
            return;
        }

        if (template is null || Target is null || IsPseudoParameter || template.Parameters.Contains(Target))
        {
            return;
        }

        if (template.Resources.Contains(Target))
        {
            if (context.Section is TemplateSection.Conditions or TemplateSection.Rules)
            {
                context.Report(RuleId, $"Ref to resource '{Target}' is not allowed in {context.Section}; only parameters and pseudo parameters can be referenced there", Argument);
            }

            return;
        }

        if (context.CheckTargets)
        {
            context.Report(RuleId, $"Ref to '{Target}', which is not a parameter, a resource or a pseudo parameter", Argument);
        }
    }
}
