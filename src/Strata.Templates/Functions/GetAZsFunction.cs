using Strata.Templates.Evaluation;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary>
/// <c>Fn::GetAZs region</c>: the availability zones of a region; <c>""</c> (or an empty <c>!GetAZs</c>)
/// means the stack's region. Offline, zones come from <see cref="AvailabilityZones"/>.
/// </summary>
public sealed class GetAZsFunction : FunctionExpression
{
    public const string FunctionName = "Fn::GetAZs";
    private readonly Expression[] _children = [];

    public GetAZsFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        if (argument is ScalarNode { Type: ScalarType.String or ScalarType.Null } || IsCall(argument))
        {
            Region = Parse(argument);
            _children = [Region];
        }
        else
        {
            Problem($"Fn::GetAZs needs a region name, \"\" for the stack's region, or a Ref to AWS::Region; got {Describe(argument)}");
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.GetAZs;

    public override ExpectedKind ResultKind => ExpectedKind.List;

    public Expression? Region { get; }

    public override IReadOnlyList<Expression> Children => _children;

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var region = Region!.Evaluate(context);
        if (region is UnknownValue)
        {
            return UnknownOver(region);
        }

        var name = region is NullValue ? "" : region.TryGetText(out var text) ? text : null;
        if (name is null)
        {
            return context.Fail(this, RuleId, $"Fn::GetAZs needs a region name; got {region}", ResultKind);
        }

        return Value.StringList(AvailabilityZones.For(name.Length == 0 ? context.Pseudo.Region : name));
    }

    protected override void ValidateCore(ValidationContext context)
    {
        if (Region is RefFunction { Target: var target } && target != PseudoParameters.RegionName && context.Template?.Resources.Contains(target!) == true)
        {
            context.Report(RuleId, $"Fn::GetAZs needs a region; Ref to resource '{target}' is not one", Argument);
        }
    }
}
