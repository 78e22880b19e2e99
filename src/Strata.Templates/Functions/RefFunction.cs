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
        else
        {
            Problem($"Ref needs the name of a parameter, resource or pseudo parameter; got {Describe(argument)}");
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.Ref;

    public override ExpectedKind ResultKind => ExpectedKind.Any;

    /// <summary>The referenced name; null when malformed.</summary>
    public string? Target { get; }

    public bool IsPseudoParameter => Target is not null && PseudoParameters.IsPseudoParameter(Target);

    public override IReadOnlyList<Expression> Children => [];

    public override void Accept(ReferenceVisitor visitor)
    {
        if (Target is not null)
        {
            visitor.OnRef(Target, this);
        }
    }

    protected override Value EvaluateCore(EvaluationContext context) => context.ResolveRef(Target!, this);

    protected override void ValidateCore(ValidationContext context)
    {
        var template = context.Template;
        if (template is null || IsPseudoParameter || template.Parameters.Contains(Target!))
        {
            return;
        }

        if (template.Resources.Contains(Target!))
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
