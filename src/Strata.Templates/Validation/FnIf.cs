using Strata.Templates.Syntax;

namespace Strata.Templates.Validation;

/// <summary>Reading <c>Fn::If</c> calls where a value is expected: either branch may be what CloudFormation uses.</summary>
internal static class FnIf
{
    /// <summary>Runs <paramref name="check"/> on each branch of <c>[condition, whenTrue, whenFalse]</c> that is not AWS::NoValue.</summary>
    public static void ForEachBranch(TemplateNode ifArguments, Action<TemplateNode> check)
    {
        if (ifArguments is SequenceNode { Count: 3 } arguments)
        {
            for (var i = 1; i <= 2; i++)
            {
                if (!Intrinsics.IsNoValue(arguments[i]))
                {
                    check(arguments[i]);
                }
            }
        }
    }

    /// <summary>The condition (and its value) under which an Fn::If removes the property, if it can.</summary>
    public static (string Name, bool When)? ConditionRemoving(TemplateNode value)
    {
        if (!Intrinsics.TryGetFunction(value, out var name, out var argument) || name != "Fn::If"
            || argument is not SequenceNode { Count: 3 } branches || Intrinsics.AsName(branches[0]) is not { } condition)
        {
            return null;
        }

        if (Intrinsics.IsNoValue(branches[1]))
        {
            return (condition, true);
        }

        if (Intrinsics.IsNoValue(branches[2]))
        {
            return (condition, false);
        }

        return ConditionRemoving(branches[1]) ?? ConditionRemoving(branches[2]);
    }
}
