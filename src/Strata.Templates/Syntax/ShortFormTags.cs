namespace Strata.Templates.Syntax;

/// <summary>
/// CloudFormation's YAML short forms: <c>!Ref X</c> is <c>{"Ref": X}</c>, <c>!Condition X</c> is
/// <c>{"Condition": X}</c>, and every other <c>!Name</c> is <c>{"Fn::Name": ...}</c>.
/// </summary>
public static class ShortFormTags
{
    private static readonly Dictionary<string, string> FunctionByTag = new(StringComparer.Ordinal)
    {
        ["!Ref"] = "Ref",
        ["!Condition"] = "Condition",
        ["!Sub"] = "Fn::Sub",
        ["!GetAtt"] = "Fn::GetAtt",
        ["!Join"] = "Fn::Join",
        ["!Select"] = "Fn::Select",
        ["!Split"] = "Fn::Split",
        ["!Equals"] = "Fn::Equals",
        ["!If"] = "Fn::If",
        ["!Not"] = "Fn::Not",
        ["!Or"] = "Fn::Or",
        ["!And"] = "Fn::And",
        ["!FindInMap"] = "Fn::FindInMap",
        ["!GetAZs"] = "Fn::GetAZs",
        ["!Base64"] = "Fn::Base64",
        ["!ImportValue"] = "Fn::ImportValue",
        ["!Cidr"] = "Fn::Cidr",
        ["!Transform"] = "Fn::Transform",
        ["!Length"] = "Fn::Length",
        ["!ToJsonString"] = "Fn::ToJsonString",
        ["!ForEach"] = "Fn::ForEach",
        // Rule functions (the Rules section).
        ["!Contains"] = "Fn::Contains",
        ["!EachMemberEquals"] = "Fn::EachMemberEquals",
        ["!EachMemberIn"] = "Fn::EachMemberIn",
        ["!RefAll"] = "Fn::RefAll",
        ["!ValueOf"] = "Fn::ValueOf",
        ["!ValueOfAll"] = "Fn::ValueOfAll",
    };

    public static IReadOnlyCollection<string> Tags => FunctionByTag.Keys;

    /// <summary>The long-form key for a short-form tag, or null when the tag is not CloudFormation's.</summary>
    public static string? FunctionFor(string tag) => FunctionByTag.GetValueOrDefault(tag);
}
