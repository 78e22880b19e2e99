using Strata.Templates.Evaluation;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary>
/// <c>Fn::GetStackOutput {StackName, OutputName, Region?, RoleArn?}</c>: an output of another stack, read
/// through <see cref="IResourceStateResolver.TryGetStackOutput"/>; unknown otherwise.
/// </summary>
public sealed class GetStackOutputFunction : FunctionExpression
{
    public const string FunctionName = "Fn::GetStackOutput";
    private static readonly string[] Keys = ["StackName", "OutputName", "Region", "RoleArn"];
    private readonly Expression?[] _parts = new Expression?[Keys.Length];
    private readonly Expression[] _children = [];

    public GetStackOutputFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        if (argument is not MappingNode map || IsCall(map))
        {
            Problem($"Fn::GetStackOutput needs {{StackName, OutputName}} (and optionally Region, RoleArn); got {Describe(argument)}");
            return;
        }

        foreach (var entry in map.Entries)
        {
            var i = Array.IndexOf(Keys, entry.Key);
            if (i < 0)
            {
                Problem($"Fn::GetStackOutput has an unknown key '{entry.Key}' (allowed: {string.Join(", ", Keys)})", entry.Value);
            }
            else if (entry.Value is ScalarNode { Type: ScalarType.String } || IsCall(entry.Value))
            {
                _parts[i] = Parse(entry.Value);
            }
            else
            {
                Problem($"Fn::GetStackOutput's {entry.Key} must be a string or a function returning one; got {Describe(entry.Value)}", entry.Value);
            }
        }

        if (_parts[0] is null || _parts[1] is null)
        {
            Problem("Fn::GetStackOutput needs both StackName and OutputName");
        }

        _children = _parts.OfType<Expression>().ToArray();
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.GetStackOutput;

    public override ExpectedKind ResultKind => ExpectedKind.String;

    public override IReadOnlyList<Expression> Children => _children;

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var stack = _parts[0]!.Evaluate(context);
        var output = _parts[1]!.Evaluate(context);
        var region = _parts[2]?.Evaluate(context);
        if (stack is UnknownValue || output is UnknownValue || region is UnknownValue)
        {
            return UnknownOver(stack, output, region ?? Value.Null);
        }

        if (!stack.TryGetText(out var stackName) || !output.TryGetText(out var outputName))
        {
            return context.Fail(this, RuleId, $"Fn::GetStackOutput needs string names; got {stack} and {output}", ResultKind);
        }

        var regionName = region is not null && region.TryGetText(out var r) ? r : null;
        return context.Resources.TryGetStackOutput(stackName, outputName, regionName, out var value)
            ? value
            : new UnknownValue(ResultKind, $"Fn::GetStackOutput {stackName}.{outputName}", UnknownReason.ImportNotResolved);
    }
}
