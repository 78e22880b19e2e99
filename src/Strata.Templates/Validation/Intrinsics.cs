using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Strata.Templates.Syntax;

namespace Strata.Templates.Validation;

/// <summary>Recognising intrinsic function calls and CloudFormation's fixed names in the node tree.</summary>
internal static class Intrinsics
{
    public const string NoValue = "AWS::NoValue";
    public const string ForEachPrefix = "Fn::ForEach::";

    public static readonly FrozenSet<string> PseudoParameters = FrozenSet.ToFrozenSet(
    [
        "AWS::AccountId", "AWS::NotificationARNs", NoValue, "AWS::Partition", "AWS::Region",
        "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    ], StringComparer.Ordinal);

    /// <summary>
    /// A single-key mapping whose key is <c>Ref</c> or <c>Fn::*</c> is a function call. <c>Condition</c> is one only
    /// inside condition expressions (elsewhere it is an ordinary key, e.g. a resource attribute), hence the flag.
    /// <c>Fn::ForEach::Name</c> keys are template fragments, not calls.
    /// </summary>
    public static bool TryGetFunction(
        TemplateNode node,
        [NotNullWhen(true)] out string? name,
        [NotNullWhen(true)] out TemplateNode? argument,
        bool conditionIsFunction = false)
    {
        if (node is MappingNode { Count: 1 } map)
        {
            var entry = map.Entries[0];
            if (IsFunctionName(entry.Key, conditionIsFunction))
            {
                name = entry.Key;
                argument = entry.Value;
                return true;
            }
        }

        name = null;
        argument = null;
        return false;
    }

    public static bool IsFunctionName(string key, bool conditionIsFunction = false) =>
        key == "Ref"
        || (key.StartsWith("Fn::", StringComparison.Ordinal) && !key.StartsWith(ForEachPrefix, StringComparison.Ordinal))
        || (conditionIsFunction && key == "Condition");

    /// <summary><c>{"Ref": "AWS::NoValue"}</c>: the property is removed, as if it were not written.</summary>
    public static bool IsNoValue(TemplateNode node) =>
        TryGetFunction(node, out var name, out var argument)
        && name == "Ref"
        && argument is ScalarNode { Text: NoValue };

    /// <summary>Parameter types whose value is a list (what <c>Ref</c> to them yields).</summary>
    public static bool IsListParameterType(string type) =>
        type == "CommaDelimitedList"
        || type.StartsWith("List<", StringComparison.Ordinal)
        || type.StartsWith("AWS::SSM::Parameter::Value<List<", StringComparison.Ordinal)
        || type == "AWS::SSM::Parameter::Value<CommaDelimitedList>";

    /// <summary>
    /// The name a Ref or Fn::GetAtt names: a literal, or — with AWS::LanguageExtensions, which lets them take a
    /// function — an Fn::Sub without variables (what an expanded Fn::ForEach leaves, e.g. <c>!Sub "BucketA"</c>).
    /// </summary>
    public static string? TargetName(TemplateNode node, bool languageExtensions)
    {
        if (AsName(node) is { } name)
        {
            return name;
        }

        return languageExtensions
               && TryGetFunction(node, out var function, out var argument)
               && function == "Fn::Sub"
               && argument is ScalarNode { IsNull: false } text
               && !text.Text.Contains("${", StringComparison.Ordinal)
            ? text.Text
            : null;
    }

    /// <summary>The text of a scalar that CloudFormation would read as a string (names, conditions).</summary>
    public static string? AsName(TemplateNode? node) =>
        node is ScalarNode { IsNull: false } scalar ? scalar.Text : null;
}
